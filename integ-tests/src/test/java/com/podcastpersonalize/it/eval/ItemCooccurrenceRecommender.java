package com.podcastpersonalize.it.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reference, not a plugin feature: item-to-item collaborative filtering computed in the client from
 * the training parts of every listener (what the contract's {@code collaborative} weight would bring
 * into {@code personalize}). An item's score for a listener is the sum, over the items they liked in
 * training, of the cosine of the two items' liker sets ({@code co-likers / sqrt(likers_i · likers_j)}).
 */
public final class ItemCooccurrenceRecommender implements Recommender {

    private final Map<String, List<String>> likersByItem = new HashMap<>();
    private final Map<String, List<String>> likedByListener = new HashMap<>();

    /** Learns from the positive training interactions of {@code splits}. */
    public ItemCooccurrenceRecommender(List<ListenerSplit> splits, Dataset dataset) {
        for (ListenerSplit split : splits) {
            for (Interaction interaction : split.train()) {
                if (dataset.positive(interaction)) {
                    likersByItem.computeIfAbsent(interaction.item(), i -> new ArrayList<>()).add(split.listener());
                    likedByListener.computeIfAbsent(split.listener(), l -> new ArrayList<>()).add(interaction.item());
                }
            }
        }
    }

    @Override
    public String name() {
        return "item-item CF (client-side reference)";
    }

    @Override
    public String kind() {
        return "reference";
    }

    @Override
    public String parameters() {
        return "cosine of the items' liker sets over all training parts, summed over the listener's liked training items";
    }

    @Override
    public List<String> recommend(ListenerQuery listener) {
        Set<String> seen = new HashSet<>(listener.trainItems());
        Map<String, Double> scores = new HashMap<>();
        for (String liked : new HashSet<>(listener.likedItems())) {
            Map<String, Integer> coLikes = new HashMap<>();
            for (String other : likersByItem.getOrDefault(liked, List.of())) {
                for (String item : likedByListener.getOrDefault(other, List.of())) {
                    if (!seen.contains(item)) {
                        coLikes.merge(item, 1, Integer::sum);
                    }
                }
            }
            int likers = likersByItem.getOrDefault(liked, List.of()).size();
            for (Map.Entry<String, Integer> entry : coLikes.entrySet()) {
                double cosine = entry.getValue() / Math.sqrt((double) likers * likersByItem.get(entry.getKey()).size());
                scores.merge(entry.getKey(), cosine, Double::sum);
            }
        }
        return scores.entrySet().stream()
            .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
            .limit(SystemScores.K)
            .map(Map.Entry::getKey)
            .toList();
    }
}
