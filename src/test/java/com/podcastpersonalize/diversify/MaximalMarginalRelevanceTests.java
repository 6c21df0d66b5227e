package com.podcastpersonalize.diversify;

import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

public class MaximalMarginalRelevanceTests extends OpenSearchTestCase {

    private static final float[] X = { 1, 0, 0 };
    private static final float[] Y = { 0, 1, 0 };
    private static final float[] Z = { 0, 0, 1 };

    private static String[][] noShows(int n) {
        return new String[n][];
    }

    private static String[][] shows(String... ids) {
        return Arrays.stream(ids).map(id -> id == null ? null : new String[] { id }).toArray(String[][]::new);
    }

    private static int[] select(float[] scores, float[][] vectors, String[][] shows, double lambda, int maxPerShow) {
        return MaximalMarginalRelevance.select(scores, vectors, shows, lambda, maxPerShow).order();
    }

    public void testNearDuplicatesAreSpreadOut() {
        // three copies of one episode lead; two other topics follow with slightly lower scores
        float[] scores = { 1.0f, 0.99f, 0.98f, 0.9f, 0.85f };
        float[][] vectors = { X, X, X, Y, Z };
        int[] order = select(scores, vectors, noShows(5), 0.5, 5);
        assertArrayEquals(new int[] { 0, 3, 4, 1, 2 }, order);
    }

    public void testLambdaZeroKeepsTheRelevanceOrder() {
        float[] scores = { 5f, 4f, 4f, 1f };
        float[][] vectors = { X, X, X, X };
        assertArrayEquals(new int[] { 0, 1, 2, 3 }, select(scores, vectors, noShows(4), 0, 4));
    }

    public void testMildLambdaLetsAMuchMoreRelevantDuplicateStay() {
        // the contract's 0.3: a duplicate 0.6 of the window's range ahead keeps its place
        float[] scores = { 1.0f, 0.9f, 0.3f, 0.0f };
        float[][] vectors = { X, X, Y, Z };
        assertArrayEquals(new int[] { 0, 1, 2, 3 }, select(scores, vectors, noShows(4), 0.3, 4));
        // with lambda 0.6, diversity wins over that gap
        assertArrayEquals(new int[] { 0, 2, 3, 1 }, select(scores, vectors, noShows(4), 0.6, 4));
    }

    public void testLambdaOneIsDiversityOnly() {
        float[] scores = { 1.0f, 0.9f, 0.5f };
        float[][] vectors = { X, new float[] { 0.9f, 0.1f, 0 }, Y };
        assertArrayEquals(new int[] { 0, 2, 1 }, select(scores, vectors, noShows(3), 1, 3));
    }

    public void testTheShowCapMovesTheRestBelowInTheirOriginalOrder() {
        float[] scores = { 10, 9, 8, 7, 6, 5 };
        float[][] vectors = new float[6][];
        MaximalMarginalRelevance.Selection selection = MaximalMarginalRelevance.select(
            scores,
            vectors,
            shows("a", "a", "a", "b", "a", "c"),
            0.3,
            2
        );
        assertArrayEquals(new int[] { 0, 1, 3, 5, 2, 4 }, selection.order());
        assertEquals(4, selection.picked());
        assertTrue(Double.isNaN(selection.similarity()[2]));
        assertTrue(Double.isNaN(selection.similarity()[4]));
    }

    public void testHitsWithoutAShowAreNeverCapped() {
        float[] scores = { 3, 2, 1 };
        assertArrayEquals(new int[] { 0, 1, 2 }, select(scores, new float[3][], shows(null, null, null), 0.3, 1));
    }

    public void testAHitCountsAgainstEveryShowItNames() {
        float[] scores = { 3, 2, 1 };
        String[][] shows = { { "a" }, { "b", "a" }, { "b" } };
        int[] order = select(scores, new float[3][], shows, 0, 1);
        assertArrayEquals(new int[] { 0, 2, 1 }, order);
    }

    public void testEqualValuesGoToTheHitRankedHigherBefore() {
        float[] scores = { 1, 1, 1, 1 };
        float[][] vectors = { X, Y, Y, X };
        // equal relevance: after X, both Y are equally new and the earlier one wins; then X and Y tie again
        assertArrayEquals(new int[] { 0, 1, 2, 3 }, select(scores, vectors, noShows(4), 0.5, 4));
        for (int run = 0; run < 5; run++) {
            assertArrayEquals(select(scores, vectors, noShows(4), 0.5, 4), select(scores, vectors, noShows(4), 0.5, 4));
        }
    }

    public void testMissingZeroAndMismatchedVectorsAreSimilarToNothing() {
        float[] scores = { 1.0f, 0.99f, 0.98f, 0.97f, 0.5f };
        float[][] vectors = { X, null, new float[] { 0, 0, 0 }, new float[] { 1, 0 }, Y };
        // hits 1-3 have no comparable vector: they keep their relevance order ahead of the less relevant Y
        assertArrayEquals(new int[] { 0, 1, 2, 3, 4 }, select(scores, vectors, noShows(5), 0.5, 5));
        MaximalMarginalRelevance.Selection selection = MaximalMarginalRelevance.select(scores, vectors, noShows(5), 0.5, 5);
        assertEquals(0, selection.similarity()[1], 0);
        assertEquals(0, selection.similarity()[3], 0);
    }

    public void testOppositeVectorsCountAsUnrelatedNotAsABonus() {
        float[] scores = { 1.0f, 0.6f, 0.5f };
        float[][] vectors = { X, Y, new float[] { -1, 0, 0 } };
        // hit 2 points away from hit 0 (cosine -1, clipped to 0): no bonus over the more relevant, unrelated hit 1
        assertArrayEquals(new int[] { 0, 1, 2 }, select(scores, vectors, noShows(3), 0.5, 3));
    }

    public void testTheCapHoldsForEveryWindowAndEveryHitIsKept() {
        for (int round = 0; round < 200; round++) {
            int n = randomIntBetween(1, 60);
            int maxPerShow = randomIntBetween(1, 4);
            double lambda = randomDoubleBetween(0, 1, true);
            float[] scores = new float[n];
            float[][] vectors = new float[n][];
            String[][] shows = new String[n][];
            float score = 100;
            for (int i = 0; i < n; i++) {
                score -= randomFloat();
                scores[i] = score;
                vectors[i] = randomBoolean() ? null : randomVector(8);
                shows[i] = randomBoolean() ? new String[] { "show-" + randomIntBetween(0, 3) } : null;
            }
            MaximalMarginalRelevance.Selection selection = MaximalMarginalRelevance.select(scores, vectors, shows, lambda, maxPerShow);
            int[] sorted = selection.order().clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                assertEquals("every hit once", i, sorted[i]);
            }
            Map<String, Integer> perShow = new HashMap<>();
            for (int position = 0; position < selection.picked(); position++) {
                String[] showsOfHit = shows[selection.order()[position]];
                if (showsOfHit != null) {
                    int count = perShow.merge(showsOfHit[0], 1, Integer::sum);
                    assertTrue("show " + showsOfHit[0] + " appears " + count + " times, cap " + maxPerShow, count <= maxPerShow);
                }
            }
            // held back only when the show was full
            for (int position = selection.picked(); position < n; position++) {
                String[] showsOfHit = shows[selection.order()[position]];
                assertNotNull(showsOfHit);
                assertEquals(maxPerShow, (int) perShow.get(showsOfHit[0]));
            }
        }
    }

    public void testInputsOfDifferentLengthsAreRefused() {
        expectThrows(IllegalArgumentException.class, () -> MaximalMarginalRelevance.select(new float[2], new float[1][], new String[2][], 0.3, 2));
    }

    private float[] randomVector(int dimension) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = randomFloat() - 0.5f;
        }
        return v;
    }
}
