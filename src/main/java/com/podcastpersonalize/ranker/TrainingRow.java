package com.podcastpersonalize.ranker;

/**
 * One labelled example: the features of an episode shown to a listener, whether the listener engaged
 * (positive) or not, the listener (the group that NDCG ranks within) and when it happened (epoch
 * milliseconds, for the time-based validation split). Rows are made by {@link TrainingSet.Builder},
 * which checks and copies the features.
 */
public record TrainingRow(float[] features, boolean positive, String group, long timestamp) {

    /** The value of feature {@code index}; rows never hand out their array, so a training set stays as it was checked. */
    public float feature(int index) {
        return features[index];
    }

    @Override
    public float[] features() {
        return features.clone();
    }
}
