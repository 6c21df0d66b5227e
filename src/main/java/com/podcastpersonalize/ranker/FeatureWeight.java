package com.podcastpersonalize.ranker;

/**
 * What one feature does in a logistic model, for explanations.
 *
 * @param perUnit               change of the log-odds per unit of the feature as stored (original units)
 * @param perStandardDeviation  change of the log-odds per training standard deviation: comparable across features
 */
public record FeatureWeight(String feature, double perUnit, double perStandardDeviation) {}
