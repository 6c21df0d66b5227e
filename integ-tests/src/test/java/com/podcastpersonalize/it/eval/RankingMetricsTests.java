package com.podcastpersonalize.it.eval;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The metrics on cases worked out by hand. */
public class RankingMetricsTests extends OpenSearchTestCase {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    public void testNdcgOfTwoRelevantAtRanksOneAndThree() {
        // DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3)
        double expected = 1.5 / (1 + 1 / LOG2_3);
        assertEquals(expected, RankingMetrics.ndcg(List.of("a", "x", "b"), Set.of("a", "b"), 10), 1e-12);
        assertEquals(0.9197207891481876, RankingMetrics.ndcg(List.of("a", "x", "b"), Set.of("a", "b"), 10), 1e-12);
    }

    public void testNdcgOfOneRelevantAtRankTwo() {
        assertEquals(1 / LOG2_3, RankingMetrics.ndcg(List.of("x", "a"), Set.of("a"), 10), 1e-12);
    }

    public void testNdcgIgnoresHitsBelowTheCutAndCapsTheIdealAtK() {
        List<String> eleven = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "a");
        assertEquals(0, RankingMetrics.ndcg(eleven, Set.of("a"), 10), 0);
        List<String> tenRelevant = List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10");
        Set<String> twelve = Set.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12");
        assertEquals(1, RankingMetrics.ndcg(tenRelevant, twelve, 10), 1e-12);
    }

    public void testRecallIsTheShareOfRelevantFound() {
        assertEquals(0.25, RankingMetrics.recall(List.of("a", "x"), Set.of("a", "b", "c", "d"), 10), 0);
        assertEquals(0, RankingMetrics.recall(List.of("x"), Set.of(), 10), 0);
    }

    public void testReciprocalRankOfTheFirstHitWithinK() {
        assertEquals(1.0 / 3, RankingMetrics.reciprocalRank(List.of("x", "y", "a", "b"), Set.of("a", "b"), 10), 1e-12);
        assertEquals(0, RankingMetrics.reciprocalRank(List.of("x", "y", "a"), Set.of("a"), 2), 0);
        assertEquals(0, RankingMetrics.reciprocalRank(List.of(), Set.of("a"), 10), 0);
    }

    public void testIntraListDiversityIsOneMinusMeanPairwiseCosine() {
        Map<String, float[]> vectors = Map.of("a", new float[] { 1, 0 }, "b", new float[] { 1, 0 }, "c", new float[] { 0, 1 }, "d", new float[] { 3, 4 });
        assertEquals(1, IntraListDiversity.of(List.of("a", "c"), vectors), 1e-12);
        assertEquals(0, IntraListDiversity.of(List.of("a", "b"), vectors), 1e-12);
        assertEquals(2.0 / 3, IntraListDiversity.of(List.of("a", "b", "c"), vectors), 1e-12); // cosines 1, 0, 0
        assertEquals(1 - 0.6, IntraListDiversity.of(List.of("a", "d"), vectors), 1e-6); // not unit length: cosine 3/5
        assertTrue(Double.isNaN(IntraListDiversity.of(List.of("a", "unknown"), vectors)));
    }

    public void testScoresAverageOverListenersAndCountCoverageOverTheCatalogue() {
        SystemScores scores = new SystemScores(Map.of("a", new float[] { 1, 0 }, "c", new float[] { 0, 1 }), 2);
        scores.add(0, List.of("a", "c"), Set.of("a"), Set.of(), 0);
        scores.add(1, List.of("a", "b"), Set.of("c"), Set.of("b"), 2_000_000);
        SystemResult result = scores.result("s", "baseline", "", 10);
        assertEquals(0.5, result.ndcg(), 1e-12);
        assertEquals(0.5, result.recall(), 1e-12);
        assertEquals(0.5, result.mrr(), 1e-12);
        assertEquals(0.3, result.coverage(), 1e-12); // a, b, c of 10
        assertEquals(1, result.diversity(), 1e-12); // only the first list has two vectors
        assertEquals(1, result.seenRecommended());
        assertEquals(1.0, result.millisPerRequest(), 1e-12);
        assertArrayEquals(new double[] { 1, 0 }, result.perListenerNdcg(), 1e-12);
    }
}
