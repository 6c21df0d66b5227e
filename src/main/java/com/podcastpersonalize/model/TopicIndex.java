package com.podcastpersonalize.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The taxonomy's labels embedded with one model: ranks topics for an episode vector (zero-shot). */
public final class TopicIndex {

    /** A topic and the cosine similarity of the episode to its label. */
    public record ScoredTopic(String name, String parent, float score) {}

    private final List<TopicTaxonomy.Topic> topics;
    private final float[][] vectors;

    public TopicIndex(List<TopicTaxonomy.Topic> topics, float[][] vectors) {
        if (topics.size() != vectors.length) {
            throw new IllegalArgumentException(topics.size() + " topics but " + vectors.length + " vectors");
        }
        this.topics = topics;
        this.vectors = vectors;
    }

    /** The {@code count} most similar topics, best first. */
    public List<ScoredTopic> top(float[] vector, int count) {
        List<ScoredTopic> scored = new ArrayList<>(topics.size());
        for (int i = 0; i < topics.size(); i++) {
            TopicTaxonomy.Topic topic = topics.get(i);
            scored.add(new ScoredTopic(topic.name(), topic.parent(), (float) VectorMath.cosine(vector, vectors[i])));
        }
        scored.sort(Comparator.comparingDouble(ScoredTopic::score).reversed());
        return scored.subList(0, Math.min(count, scored.size()));
    }

    public int size() {
        return topics.size();
    }
}
