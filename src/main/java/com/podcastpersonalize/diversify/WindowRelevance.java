package com.podcastpersonalize.diversify;

/**
 * The relevance of each hit of a window, in [0, 1], as maximal marginal relevance weighs it
 * against cosine similarity (also at most 1).
 */
final class WindowRelevance {

    private WindowRelevance() {}

    /**
     * Min-max normalized scores: the window's best hit is 1, its worst 0, and all 1 when every score
     * is equal. The page's own order is what relevance means, so when the scores do not follow it
     * (a search sorted on a field: NaN scores, or scores kept with {@code track_scores}) relevance
     * comes from the position instead: 1 for the first hit down to 0 for the last, evenly spaced.
     */
    static double[] of(float[] scores) {
        int n = scores.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float score = scores[i];
            if (Float.isFinite(score) == false || (i > 0 && score > scores[i - 1])) {
                return byPosition(n);
            }
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        double[] relevance = new double[n];
        double range = max - min;
        for (int i = 0; i < n; i++) {
            relevance[i] = range > 0 ? (scores[i] - min) / range : 1;
        }
        return relevance;
    }

    private static double[] byPosition(int n) {
        double[] relevance = new double[n];
        for (int i = 0; i < n; i++) {
            relevance[i] = n == 1 ? 1 : 1 - (double) i / (n - 1);
        }
        return relevance;
    }
}
