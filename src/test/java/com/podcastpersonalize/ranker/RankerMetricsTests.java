package com.podcastpersonalize.ranker;

import org.opensearch.test.OpenSearchTestCase;

/** The validation metrics on cases small enough to compute by hand. */
public class RankerMetricsTests extends OpenSearchTestCase {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    public void testAucCountsTiedPairsAsOneHalf() {
        // positives score 0.9 and 0.5, negatives 0.5 and 0.1: pairs (0.9>0.5) (0.9>0.1) (0.5=0.5 -> 1/2) (0.5>0.1) = 3.5 of 4
        double auc = RankingMetrics.auc(new double[] { 0.9, 0.5, 0.5, 0.1 }, new boolean[] { true, true, false, false });
        assertEquals(3.5 / 4, auc, 1e-12);
    }

    public void testAucOfPerfectReversedAndConstantScores() {
        boolean[] labels = { true, false, true, false, false };
        assertEquals(1.0, RankingMetrics.auc(new double[] { 5, 1, 4, 2, 3 }, labels), 1e-12);
        assertEquals(0.0, RankingMetrics.auc(new double[] { 1, 5, 2, 4, 3 }, labels), 1e-12);
        assertEquals(0.5, RankingMetrics.auc(new double[] { 7, 7, 7, 7, 7 }, labels), 1e-12);
        assertTrue(Double.isNaN(RankingMetrics.auc(new double[] { 1, 2 }, new boolean[] { true, true })));
    }

    public void testLogLossIsTheMeanCrossEntropyAndClipsCertainMistakes() {
        double loss = RankingMetrics.logLoss(new double[] { 0.8, 0.4 }, new boolean[] { true, false });
        assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2, loss, 1e-12);
        double certainMistake = RankingMetrics.logLoss(new double[] { 0.0 }, new boolean[] { true });
        assertEquals(-Math.log(RankingMetrics.EPSILON), certainMistake, 1e-9);
    }

    public void testNdcgAveragesListenersWithAPositive() {
        double[] scores = { 0.9, 0.8, 0.7, /* b */ 0.6, 0.5, /* c: no positive */ 0.4 };
        boolean[] positive = { false, true, true, /* b */ true, false, /* c */ false };
        String[] groups = { "a", "a", "a", "b", "b", "c" };
        // a: positives at ranks 2 and 3 -> (1/log2(3) + 1/2) / (1 + 1/log2(3)); b: positive first -> 1; c skipped
        double a = (1 / LOG2_3 + 0.5) / (1 + 1 / LOG2_3);
        assertEquals((a + 1) / 2, RankingMetrics.ndcg(10, scores, positive, groups), 1e-12);
        assertEquals(2, RankingMetrics.groupsWithPositives(positive, groups));
    }

    public void testNdcgOnlyCountsTheTopK() {
        double[] scores = { 5, 4, 3, 2, 1 };
        boolean[] positive = { false, false, true, false, true };
        String[] groups = { "g", "g", "g", "g", "g" };
        assertEquals(0.0, RankingMetrics.ndcg(2, scores, positive, groups), 1e-12);
        // @3: one positive at rank 3 -> 0.5, ideal with two positives 1 + 1/log2(3)
        assertEquals(0.5 / (1 + 1 / LOG2_3), RankingMetrics.ndcg(3, scores, positive, groups), 1e-12);
    }

    public void testNdcgPutsNegativesFirstWithinTies() {
        boolean[] positive = { true, false };
        String[] groups = { "g", "g" };
        // tied: the positive ranks second -> (1/log2(3)) / 1
        assertEquals(1 / LOG2_3, RankingMetrics.ndcg(10, new double[] { 1, 1 }, positive, groups), 1e-12);
        assertEquals(1.0, RankingMetrics.ndcg(10, new double[] { 2, 1 }, positive, groups), 1e-12);
        assertTrue(Double.isNaN(RankingMetrics.ndcg(10, new double[] { 1 }, new boolean[] { false }, new String[] { "g" })));
    }

    public void testValidationMetricsUseProbabilitiesForLogLossAndTheTrainingRateForTheBaseline() {
        double[] logits = { 2, -1, 0.5, -3 };
        boolean[] positive = { true, false, false, false };
        String[] groups = { "a", "a", "b", "b" };
        ValidationMetrics metrics = ValidationMetrics.of(logits, positive, groups, 0.25);
        double expectedLoss = -(Math.log(sigmoid(2)) + Math.log(1 - sigmoid(-1)) + Math.log(1 - sigmoid(0.5)) + Math.log(1 - sigmoid(-3))) / 4;
        assertEquals(expectedLoss, metrics.logLoss(), 1e-12);
        assertEquals(-(Math.log(0.25) + 3 * Math.log(0.75)) / 4, metrics.baseRateLogLoss(), 1e-12);
        assertEquals(1.0, metrics.auc(), 1e-12);
        assertEquals(1.0, metrics.ndcgAt10(), 1e-12);
        assertEquals(4, metrics.rows());
        assertEquals(1, metrics.positives());
        assertEquals(1, metrics.rankedGroups());
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
