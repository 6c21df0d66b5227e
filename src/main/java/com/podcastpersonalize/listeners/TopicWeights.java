package com.podcastpersonalize.listeners;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decayed weights of topic names (from episodes' topic tags), bounded to the heaviest {@code capacity}. */
public final class TopicWeights {

    private final Map<String, Double> weights;
    private final int capacity;

    public TopicWeights(int capacity) {
        this(new HashMap<>(), capacity);
    }

    public TopicWeights(Map<String, Double> weights, int capacity) {
        this.weights = new HashMap<>(weights);
        this.capacity = capacity;
    }

    public void add(List<String> topics, double weight) {
        for (String topic : topics) {
            weights.merge(topic, weight, Double::sum);
        }
        trim();
    }

    public void add(TopicWeights other) {
        other.weights.forEach((topic, weight) -> weights.merge(topic, weight, Double::sum));
        trim();
    }

    public void scale(double factor) {
        weights.replaceAll((topic, weight) -> weight * factor);
    }

    /** Topics with a positive weight, heaviest first (ties by name), at most {@code count}. */
    public List<String> top(int count) {
        return sorted().stream().filter(e -> e.getValue() > 0).limit(count).map(Map.Entry::getKey).toList();
    }

    public Map<String, Double> asMap() {
        return Map.copyOf(weights);
    }

    private List<Map.Entry<String, Double>> sorted() {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(weights.entrySet());
        entries.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return entries;
    }

    private void trim() {
        if (weights.size() > capacity) {
            List<Map.Entry<String, Double>> entries = sorted();
            for (Map.Entry<String, Double> dropped : entries.subList(capacity, entries.size())) {
                weights.remove(dropped.getKey());
            }
        }
    }
}
