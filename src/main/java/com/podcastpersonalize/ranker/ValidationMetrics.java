package com.podcastpersonalize.ranker;

/**
 * How a model did on the validation rows (those at or after the time cut).
 *
 * @param auc               area under the ROC curve (0.5 is chance)
 * @param logLoss           mean binary cross-entropy of the predicted probabilities
 * @param baseRateLogLoss   the log loss of always predicting the training positive rate: a model must beat it to be informative
 * @param ndcgAt10          NDCG@10 per listener, averaged over listeners with a positive
 * @param rows              validation rows
 * @param positives         validation positives
 * @param rankedGroups      listeners NDCG@10 averaged over
 */
public record ValidationMetrics(double auc, double logLoss, double baseRateLogLoss, double ndcgAt10, int rows, int positives, int rankedGroups) {

    public static final int NDCG_DEPTH = 10;

    /** Metrics of {@code logits} against the labels and groups of {@code rows}; {@code trainingPositiveRate} gives the baseline. */
    public static ValidationMetrics of(double[] logits, boolean[] positive, String[] groups, double trainingPositiveRate) {
        double[] probabilities = new double[logits.length];
        double[] baseRate = new double[logits.length];
        int positives = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = RankerModel.sigmoid(logits[i]);
            baseRate[i] = trainingPositiveRate;
            positives += positive[i] ? 1 : 0;
        }
        return new ValidationMetrics(
            RankingMetrics.auc(logits, positive),
            RankingMetrics.logLoss(probabilities, positive),
            RankingMetrics.logLoss(baseRate, positive),
            RankingMetrics.ndcg(NDCG_DEPTH, logits, positive, groups),
            logits.length,
            positives,
            RankingMetrics.groupsWithPositives(positive, groups)
        );
    }
}
