package com.podcastpersonalize.ranker;

/**
 * Reported after each epoch.
 *
 * @param fractionDone  0..1 of all batches of all epochs
 * @param trainingLoss  mean loss over the epoch's training batches (the ranker: binary cross-entropy; the sequence model: catalogue softmax)
 */
public record TrainingProgress(int epoch, int epochs, double fractionDone, double trainingLoss) {}
