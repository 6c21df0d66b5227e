package com.podcastpersonalize.listeners;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decayed weights of topic names (from episodes' topic tags), bounded to the heaviest {@code capacity}. */
public final class TopicWeights {

    /** Each topic's weight in a one-element array, so that adding and decaying change it in place (every event decays them all). */
    private final Map<String, double[]> weights = new HashMap<>();
    private final int capacity;

    public TopicWeights(int capacity) {
        this.capacity = capacity;
    }

    public TopicWeights(Map<String, Double> weights, int capacity) {
        this(capacity);
        weights.forEach((topic, weight) -> this.weights.put(topic, new double[] { weight }));
    }

    public void add(List<String> topics, double weight) {
        for (String topic : topics) {
            weights.computeIfAbsent(topic, t -> new double[1])[0] += weight;
        }
        trim();
    }

    public void add(TopicWeights other) {
        other.weights.forEach((topic, weight) -> weights.computeIfAbsent(topic, t -> new double[1])[0] += weight[0]);
        trim();
    }

    public void scale(double factor) {
        for (double[] weight : weights.values()) {
            weight[0] *= factor;
        }
    }

    /** Topics with a positive weight, heaviest first (ties by name), at most {@code count}. */
    public List<String> top(int count) {
        return sorted().stream().filter(e -> e.getValue() > 0).limit(count).map(Map.Entry::getKey).toList();
    }

    public Map<String, Double> asMap() {
        Map<String, Double> copy = new HashMap<>();
        weights.forEach((topic, weight) -> copy.put(topic, weight[0]));
        return Map.copyOf(copy);
    }

    private List<Map.Entry<String, Double>> sorted() {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(weights.size());
        weights.forEach((topic, weight) -> entries.add(Map.entry(topic, weight[0])));
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
