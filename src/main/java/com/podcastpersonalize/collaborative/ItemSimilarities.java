package com.podcastpersonalize.collaborative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Item-to-item co-listening: the similarity of two episodes is the cosine of their liker sets,
 * {@code co-likers(i, j) / sqrt(likers(i) * likers(j))}; each episode keeps its
 * {@code maxNeighbours} most similar ones with at least {@code minCoLikers} co-likers.
 *
 * <p>Cost: the sum over listeners of (liked episodes)^2, with one dense counter array the size of
 * the catalogue reused for every episode; memory is the liker lists plus the kept neighbours.
 */
final class ItemSimilarities {

    /** One episode's neighbours, most similar first. */
    record Neighbours(String episodeId, int likers, String[] ids, float[] similarities) {}

    private ItemSimilarities() {}

    static List<Neighbours> compute(List<List<String>> likedByListener, int maxNeighbours, int minCoLikers) {
        Map<String, Integer> ordinals = new HashMap<>();
        List<String> episodes = new ArrayList<>();
        int[][] liked = new int[likedByListener.size()][];
        for (int u = 0; u < liked.length; u++) {
            List<String> items = likedByListener.get(u);
            liked[u] = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                liked[u][i] = ordinals.computeIfAbsent(items.get(i), id -> {
                    episodes.add(id);
                    return episodes.size() - 1;
                });
            }
        }
        int n = episodes.size();
        int[][] likers = likersByItem(liked, n);
        int[] coLikers = new int[n];
        int[] touched = new int[n];
        List<Neighbours> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int touchedCount = 0;
            for (int u : likers[i]) {
                for (int j : liked[u]) {
                    if (j != i && coLikers[j]++ == 0) {
                        touched[touchedCount++] = j;
                    }
                }
            }
            // min-heap on similarity (ties: larger ordinal first out, so the kept set is deterministic)
            PriorityQueue<long[]> best = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                if (coLikers[j] >= minCoLikers) {
                    float similarity = (float) (coLikers[j] / Math.sqrt((double) likers[i].length * likers[j].length));
                    best.add(new long[] { Float.floatToIntBits(similarity), j }); // positive floats order like their bits
                    if (best.size() > maxNeighbours) {
                        best.poll();
                    }
                }
                coLikers[j] = 0;
            }
            if (!best.isEmpty()) {
                result.add(neighbours(episodes, i, likers[i].length, best));
            }
        }
        return result;
    }

    private static int[][] likersByItem(int[][] liked, int n) {
        int[] counts = new int[n];
        for (int[] items : liked) {
            for (int item : items) {
                counts[item]++;
            }
        }
        int[][] likers = new int[n][];
        for (int i = 0; i < n; i++) {
            likers[i] = new int[counts[i]];
        }
        Arrays.fill(counts, 0);
        for (int u = 0; u < liked.length; u++) {
            for (int item : liked[u]) {
                likers[item][counts[item]++] = u;
            }
        }
        return likers;
    }

    private static Neighbours neighbours(List<String> episodes, int item, int likers, PriorityQueue<long[]> best) {
        int size = best.size();
        String[] ids = new String[size];
        float[] similarities = new float[size];
        for (int k = size - 1; k >= 0; k--) {
            long[] entry = best.poll();
            ids[k] = episodes.get((int) entry[1]);
            similarities[k] = Float.intBitsToFloat((int) entry[0]);
        }
        return new Neighbours(episodes.get(item), likers, ids, similarities);
    }
}
