package com.podcastpersonalize.it.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates one system's lists over the evaluated listeners: mean NDCG@k, Recall@k and MRR@k,
 * catalogue coverage (distinct items recommended ÷ catalogue size) and mean intra-list diversity,
 * plus the time spent per request.
 */
public final class SystemScores {

    public static final int K = 10;

    private final Map<String, float[]> vectors;
    private final Set<String> recommended = new HashSet<>();
    private final double[] perListenerNdcg;
    private double ndcg;
    private double recall;
    private double mrr;
    private double diversity;
    private int diversityLists;
    private int listeners;
    private int seenRecommended;
    private long nanos;

    public SystemScores(Map<String, float[]> vectors, int expectedListeners) {
        this.vectors = vectors;
        this.perListenerNdcg = new double[expectedListeners];
    }

    /**
     * Adds listener {@code index}'s list (its 0-based position among the evaluated listeners);
     * {@code seen} are their training items, counted when recommended again (a check: none should be).
     */
    public synchronized void add(int index, List<String> ranked, Set<String> relevant, Set<String> seen, long requestNanos) {
        double n = RankingMetrics.ndcg(ranked, relevant, K);
        perListenerNdcg[index] = n;
        ndcg += n;
        recall += RankingMetrics.recall(ranked, relevant, K);
        mrr += RankingMetrics.reciprocalRank(ranked, relevant, K);
        double d = IntraListDiversity.of(ranked.subList(0, Math.min(K, ranked.size())), vectors);
        if (!Double.isNaN(d)) {
            diversity += d;
            diversityLists++;
        }
        recommended.addAll(ranked.subList(0, Math.min(K, ranked.size())));
        seenRecommended += (int) ranked.stream().limit(K).filter(seen::contains).count();
        listeners++;
        nanos += requestNanos;
    }

    public SystemResult result(String system, String kind, String parameters, int catalogueSize) {
        return new SystemResult(
            system,
            kind,
            parameters,
            listeners,
            ndcg / listeners,
            recall / listeners,
            mrr / listeners,
            (double) recommended.size() / catalogueSize,
            diversityLists == 0 ? Double.NaN : diversity / diversityLists,
            nanos / 1e6 / listeners,
            seenRecommended,
            perListenerNdcg.clone()
        );
    }
}
