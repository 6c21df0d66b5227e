package com.podcastpersonalize.diversify;

import java.util.HashMap;
import java.util.Map;

/**
 * Greedy maximal marginal relevance (Carbonell and Goldstein, 1998) with a cap per show, as a pure
 * function over a window of hits: no OpenSearch types, so every case can be built by hand.
 *
 * <p>Each step picks, among the hits whose shows are all below the cap, the one with the highest
 * {@code (1 − lambda) · relevance − lambda · similarity}, where relevance is the hit's score
 * normalized over the window ({@link WindowRelevance}) and similarity is its largest cosine to the
 * hits already picked, clipped to [0, 1] (pointing away is as good as unrelated). A hit without a
 * usable vector has similarity 0 to everything. Equal values go to the hit ranked higher before.
 * When no hit is eligible any more, the rest (hits over the cap) follow in their original order.
 *
 * <p>Cost: n² / 2 dot products for n hits (each pick updates the similarity of the hits still
 * eligible), none when lambda is 0.
 */
public final class MaximalMarginalRelevance {

    private MaximalMarginalRelevance() {}

    /**
     * The new order of a window and what decided it.
     *
     * @param order      a permutation of the window's positions: first the {@code picked} diversified
     *                   hits, then the hits held back by the show cap, in their original order
     * @param picked     how many hits the selection picked (the rest were over the cap)
     * @param relevance  by original position: the normalized relevance
     * @param similarity by original position: the largest clipped cosine to the hits picked before
     *                   it, when it was picked; NaN for hits held back by the cap
     */
    public record Selection(int[] order, int picked, double[] relevance, double[] similarity) {}

    /**
     * @param scores     the hits' scores in page order
     * @param vectors    the hits' vectors (null when missing; any length; a zero vector counts as missing)
     * @param shows      the shows each hit belongs to (null or empty: none, never capped); a hit
     *                   counts against every show it names
     * @param lambda     weight of diversity in [0, 1]; 0 keeps the page order apart from the cap
     * @param maxPerShow the most hits of one show among the picked ones, at least 1
     */
    public static Selection select(float[] scores, float[][] vectors, String[][] shows, double lambda, int maxPerShow) {
        int n = scores.length;
        if (vectors.length != n || shows.length != n) {
            throw new IllegalArgumentException("scores, vectors and shows must describe the same " + n + " hits");
        }
        double[] relevance = WindowRelevance.of(scores);
        float[][] units = lambda > 0 ? unitVectors(vectors) : new float[n][];
        double[] similarity = new double[n];
        boolean[] done = new boolean[n];
        Map<String, Integer> perShow = new HashMap<>();
        int[] order = new int[n];
        int picked = 0;
        while (picked < n) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (done[i] || underCap(shows[i], perShow, maxPerShow) == false) {
                    continue;
                }
                double value = (1 - lambda) * relevance[i] - lambda * similarity[i];
                if (value > bestValue) {
                    best = i;
                    bestValue = value;
                }
            }
            if (best < 0) {
                break;
            }
            done[best] = true;
            order[picked++] = best;
            count(shows[best], perShow);
            if (units[best] != null) {
                for (int i = 0; i < n; i++) {
                    if (done[i] == false && units[i] != null) {
                        similarity[i] = Math.max(similarity[i], cosine(units[i], units[best]));
                    }
                }
            }
        }
        int next = picked;
        for (int i = 0; i < n; i++) {
            if (done[i] == false) {
                order[next++] = i;
                similarity[i] = Double.NaN;
            }
        }
        return new Selection(order, picked, relevance, similarity);
    }

    private static boolean underCap(String[] showsOfHit, Map<String, Integer> perShow, int maxPerShow) {
        if (showsOfHit != null) {
            for (String show : showsOfHit) {
                if (perShow.getOrDefault(show, 0) >= maxPerShow) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void count(String[] showsOfHit, Map<String, Integer> perShow) {
        if (showsOfHit != null) {
            for (String show : showsOfHit) {
                perShow.merge(show, 1, Integer::sum);
            }
        }
    }

    /** Vectors scaled to unit length once, so that each cosine is one dot product; null when unusable. */
    private static float[][] unitVectors(float[][] vectors) {
        float[][] units = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            float[] v = vectors[i];
            if (v == null || v.length == 0) {
                continue;
            }
            double norm = 0;
            for (float x : v) {
                norm += (double) x * x;
            }
            if (norm > 0 && Double.isFinite(norm)) {
                float[] unit = new float[v.length];
                double scale = 1 / Math.sqrt(norm);
                for (int d = 0; d < v.length; d++) {
                    unit[d] = (float) (v[d] * scale);
                }
                units[i] = unit;
            }
        }
        return units;
    }

    /** Cosine of two unit vectors clipped to [0, 1]; vectors of different lengths are unrelated (0). */
    private static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return Math.max(0, Math.min(1, dot));
    }
}
