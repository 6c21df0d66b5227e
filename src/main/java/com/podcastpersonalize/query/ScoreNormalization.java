package com.podcastpersonalize.query;

import java.util.Locale;

/**
 * How raw component scores (BM25 is unbounded, cosine is in [-1, 1]) become comparable before
 * they are blended.
 */
public enum ScoreNormalization {
    /**
     * A fixed transform of each score on its own: BM25 {@code s / (s + pivot)}, cosine clipped to
     * [0, 1]. A document's blended score does not depend on the other candidates, so the order is
     * the same for 1 or many shards (given the same BM25 statistics, e.g. with dfs_query_then_fetch).
     */
    SATURATION,
    /**
     * Reciprocal rank fusion: each component contributes {@code 1 / (60 + rank)} by its rank among
     * the shard's candidates. Robust to score scales, but ranks are per shard.
     */
    RRF;

    /** Rank constant of reciprocal rank fusion (as in the RRF paper and neural-search). */
    public static final int RRF_RANK_CONSTANT = 60;

    public static ScoreNormalization parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[normalization] must be one of [saturation, rrf], got [" + value + "]");
        }
    }

    /** BM25 score mapped to [0, 1): half at {@code pivot}. */
    public static float saturate(float bm25, float pivot) {
        return bm25 <= 0 ? 0 : bm25 / (bm25 + pivot);
    }

    /** Cosine similarity clipped to [0, 1]: dissimilar is as good as unrelated. */
    public static float clipCosine(float cosine) {
        return Math.max(0f, Math.min(1f, cosine));
    }

    /**
     * Popularity (e.g. play count) mapped to [0, 1): saturated on a log scale, one half at
     * {@code pivot}. A fixed transform rather than a share of the largest value seen, so that
     * every shard and explain give an episode the same value.
     */
    public static float popularity(double value, double pivot) {
        if (!(value > 0)) {
            return 0;
        }
        double log = Math.log1p(value);
        return (float) (log / (log + Math.log1p(pivot)));
    }

    /** The RRF contribution of a 1-based rank. */
    public static float rrf(int rank) {
        return 1f / (RRF_RANK_CONSTANT + rank);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
