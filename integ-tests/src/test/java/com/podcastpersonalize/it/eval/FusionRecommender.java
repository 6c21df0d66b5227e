package com.podcastpersonalize.it.eval;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reference, not a plugin feature: reciprocal rank fusion, in the client, of the top-10 lists of
 * other systems ({@code 1 / (60 + rank)} summed; ties keep the first list's order). It estimates what
 * adding those systems' signals to the {@code personalize} blend would bring.
 */
public final class FusionRecommender implements Recommender {

    static final int RANK_CONSTANT = 60;

    private final String name;
    private final List<Recommender> parts;

    public FusionRecommender(String name, List<Recommender> parts) {
        this.name = name;
        this.parts = List.copyOf(parts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "reference";
    }

    @Override
    public String parameters() {
        return "RRF (k 60) of the top 10 of: " + parts.stream().map(Recommender::name).collect(Collectors.joining(", "));
    }

    @Override
    public List<String> recommend(ListenerQuery listener) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Recommender part : parts) {
            List<String> ranked = part.recommend(listener);
            for (int r = 0; r < ranked.size(); r++) {
                scores.merge(ranked.get(r), 1.0 / (RANK_CONSTANT + r + 1), Double::sum);
            }
        }
        return scores.entrySet().stream()
            .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()))
            .limit(SystemScores.K)
            .map(Map.Entry::getKey)
            .toList();
    }
}
