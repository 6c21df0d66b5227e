package com.podcastpersonalize.it.eval;

/**
 * One system's figures on one data set.
 *
 * @param system       its name in the table
 * @param kind         {@code baseline}, {@code personalize}, {@code ablation}, {@code tuned} or {@code reference} (not a plugin feature, not a baseline of the goal)
 * @param parameters   what was sent, in words (clause parameters for personalize)
 * @param listeners    listeners evaluated
 * @param ndcg         mean NDCG@10
 * @param recall       mean Recall@10
 * @param mrr          mean reciprocal rank of the first hit in the top 10
 * @param coverage     distinct items recommended ÷ catalogue size
 * @param diversity    mean intra-list diversity of the top 10
 * @param millisPerRequest mean time of one request, client side
 * @param seenRecommended training items recommended again, over all lists (a check: should be 0)
 * @param perListenerNdcg NDCG@10 per listener, in the evaluation order (for paired comparisons)
 */
public record SystemResult(
    String system,
    String kind,
    String parameters,
    int listeners,
    double ndcg,
    double recall,
    double mrr,
    double coverage,
    double diversity,
    double millisPerRequest,
    int seenRecommended,
    double[] perListenerNdcg
) {

    public boolean isBaseline() {
        return "baseline".equals(kind);
    }
}
