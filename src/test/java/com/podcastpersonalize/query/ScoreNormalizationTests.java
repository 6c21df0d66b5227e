package com.podcastpersonalize.query;

import org.opensearch.test.OpenSearchTestCase;

import java.util.Map;

public class ScoreNormalizationTests extends OpenSearchTestCase {

    public void testSaturationIsHalfAtThePivotAndBounded() {
        assertEquals(0.5f, ScoreNormalization.saturate(10f, 10f), 1e-6);
        assertEquals(0f, ScoreNormalization.saturate(0f, 10f), 0f);
        assertEquals(0.9f, ScoreNormalization.saturate(90f, 10f), 1e-6);
        assertTrue(ScoreNormalization.saturate(1e4f, 10f) < 1f);
    }

    public void testCosineIsClippedToTheUnitInterval() {
        assertEquals(0f, ScoreNormalization.clipCosine(-0.4f), 0f);
        assertEquals(0.7f, ScoreNormalization.clipCosine(0.7f), 0f);
        assertEquals(1f, ScoreNormalization.clipCosine(1.0000001f), 0f);
    }

    public void testPopularityIsLogScaledToTheLargest() {
        assertEquals(0.5f, ScoreNormalization.popularity(1000, 1000), 1e-6);
        assertEquals(Math.log1p(9) / (Math.log1p(9) + Math.log1p(999)), ScoreNormalization.popularity(9, 999), 1e-6);
        assertEquals(0f, ScoreNormalization.popularity(0, 1000), 0f);
        assertEquals(0f, ScoreNormalization.popularity(-5, 1000), 0f);
        assertTrue(ScoreNormalization.popularity(1e12, 1000) < 1f);
    }

    public void testReciprocalRankUsesTheConstant60() {
        assertEquals(1f / 61, ScoreNormalization.rrf(1), 1e-9);
        assertEquals(1f / 70, ScoreNormalization.rrf(10), 1e-9);
    }

    public void testParseNamesTheChoices() {
        assertEquals(ScoreNormalization.RRF, ScoreNormalization.parse("RRF"));
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> ScoreNormalization.parse("l2"));
        assertTrue(e.getMessage().contains("[saturation, rrf]"));
    }

    public void testWeightsKeepDefaultsForComponentsNotNamed() {
        BlendWeights weights = BlendWeights.parse(Map.of("interest", 0.9));
        assertEquals(0.9f, weights.interest(), 1e-6);
        assertEquals(BlendWeights.DEFAULT.lexical(), weights.lexical(), 0f);
        assertEquals(BlendWeights.DEFAULT.popularity(), weights.popularity(), 0f);
    }
}
