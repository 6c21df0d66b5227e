package com.podcastpersonalize.listeners;

/** One of a listener's interests: a decayed sum of the episodes it gathered and their topics. */
public record InterestCentroid(DecayedVector vector, TopicWeights topics) {

    static final int TOPICS_KEPT = 10;

    public void scale(double factor) {
        vector.scale(factor);
        topics.scale(factor);
    }

    public void absorb(InterestCentroid other) {
        vector.add(other.vector);
        topics.add(other.topics);
    }
}
