package com.podcastpersonalize.ranker;

/**
 * Reported after each epoch.
 *
 * @param fractionDone  0..1 of all batches of all epochs
 * @param trainingLoss  mean binary cross-entropy over the epoch's training batches
 */
public record TrainingProgress(int epoch, int epochs, double fractionDone, double trainingLoss) {}
