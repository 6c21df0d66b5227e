package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.query.ListenerInterests.CollaborativeCandidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A listener's collaborative scores from their liked episodes (the seeds) and the seeds' stored
 * neighbours: {@code score(e) = sum over seeds s of weight(s) * similarity(s, e)}, reported as a
 * share of the listener's best score so that every shard and every query blend the same value.
 */
final class CollaborativeScores {

    /** A liked episode and how strongly (its event weight). */
    record Seed(String episodeId, float weight) {}

    /** A seed's stored neighbours (see {@link CollaborativeModelIndex}). */
    record StoredNeighbours(String title, List<String> ids, List<Number> similarities) {}

    private CollaborativeScores() {}

    /** The seeds of a listener: their latest {@code maxSeeds} liked episodes (heard is latest first). */
    static List<Seed> seeds(List<Profile.Heard> heard, int maxSeeds) {
        return heard.stream().filter(Profile.Heard::positive).limit(maxSeeds).map(h -> new Seed(h.episodeId(), h.weight())).toList();
    }

    /**
     * The best {@code limit} candidates, best first; episodes in {@code heard} are left out (they are
     * not something co-listening recommends to this listener, and exclusion would waste the slots).
     */
    static List<CollaborativeCandidate> candidates(List<Seed> seeds, Map<String, StoredNeighbours> stored, Set<String> heard, int limit) {
        Map<String, double[]> scores = new HashMap<>(); // [score, best contribution]
        Map<String, String> because = new HashMap<>();
        for (Seed seed : seeds) {
            StoredNeighbours neighbours = stored.get(seed.episodeId());
            if (neighbours == null) {
                continue;
            }
            for (int i = 0; i < neighbours.ids().size(); i++) {
                String episode = neighbours.ids().get(i);
                if (heard.contains(episode)) {
                    continue;
                }
                double contribution = seed.weight() * neighbours.similarities().get(i).doubleValue();
                double[] score = scores.computeIfAbsent(episode, e -> new double[2]);
                score[0] += contribution;
                if (contribution > score[1]) {
                    score[1] = contribution;
                    because.put(episode, neighbours.title() == null ? seed.episodeId() : neighbours.title());
                }
            }
        }
        List<Map.Entry<String, double[]>> ranked = new ArrayList<>(scores.entrySet());
        ranked.removeIf(e -> !(e.getValue()[0] > 0));
        ranked.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
        if (ranked.isEmpty()) {
            return List.of();
        }
        double best = ranked.get(0).getValue()[0];
        List<CollaborativeCandidate> candidates = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : ranked.subList(0, Math.min(limit, ranked.size()))) {
            candidates.add(new CollaborativeCandidate(entry.getKey(), (float) (entry.getValue()[0] / best), because.get(entry.getKey())));
        }
        return candidates;
    }
}
