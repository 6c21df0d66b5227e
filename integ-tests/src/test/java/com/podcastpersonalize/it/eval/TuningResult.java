package com.podcastpersonalize.it.eval;

import java.util.List;

/**
 * What tuning on the validation split found.
 *
 * @param trials             every configuration tried, with its validation figures
 * @param popularityCoverage the popularity baseline's coverage on the same validation listeners
 * @param best               the chosen configuration: best validation NDCG@10 among those with at least twice popularity's coverage
 * @param listeners          validation listeners used
 */
public record TuningResult(List<SystemResult> trials, double popularityCoverage, PersonalizeConfig best, int listeners) {}
