package com.podcastpersonalize.diversify;

import org.opensearch.test.OpenSearchTestCase;

public class WindowRelevanceTests extends OpenSearchTestCase {

    public void testScoresAreMinMaxNormalizedOverTheWindow() {
        assertArrayEquals(new double[] { 1, 0.5, 0 }, WindowRelevance.of(new float[] { 9, 6, 3 }), 1e-9);
    }

    public void testEqualScoresAreAllFullyRelevant() {
        assertArrayEquals(new double[] { 1, 1 }, WindowRelevance.of(new float[] { 2, 2 }), 0);
        assertArrayEquals(new double[] { 1 }, WindowRelevance.of(new float[] { 0.3f }), 0);
    }

    public void testWithoutScoresThePageOrderIsTheRelevance() {
        assertArrayEquals(new double[] { 1, 0.5, 0 }, WindowRelevance.of(new float[] { Float.NaN, Float.NaN, Float.NaN }), 1e-9);
        assertArrayEquals(new double[] { 1 }, WindowRelevance.of(new float[] { Float.NaN }), 0);
    }

    public void testScoresThatDoNotFollowThePageOrderAreNotUsed() {
        // a page sorted on a field with track_scores: the sort, not the score, made the order
        assertArrayEquals(new double[] { 1, 0.5, 0 }, WindowRelevance.of(new float[] { 1, 7, 3 }), 1e-9);
    }
}
