package com.podcastpersonalize.it.eval;

import java.util.List;
import java.util.Set;

/**
 * Accuracy of one ranked list against the held-out relevant items, binary relevance, cut at {@code k}.
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    /** NDCG@k: DCG with gain 1 / log2(rank + 1) per relevant item, divided by the DCG of the ideal list (min(k, |relevant|) hits on top). */
    public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += discount(i);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    /** Recall@k: share of the relevant items found in the top k. */
    public static double recall(List<String> ranked, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        return (double) hits(ranked, relevant, k) / relevant.size();
    }

    /** Reciprocal rank of the first relevant item in the top k, 0 when there is none (MRR@k once averaged). */
    public static double reciprocalRank(List<String> ranked, Set<String> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static int hits(List<String> ranked, Set<String> relevant, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
            }
        }
        return hits;
    }

    /** 1 / log2(rank + 1) for the 0-based position {@code i}. */
    private static double discount(int i) {
        return 1 / (Math.log(i + 2) / Math.log(2));
    }
}
