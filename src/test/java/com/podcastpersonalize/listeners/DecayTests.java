package com.podcastpersonalize.listeners;

import org.opensearch.test.OpenSearchTestCase;

public class DecayTests extends OpenSearchTestCase {

    public void testOneHalfLifeHalvesTwoQuarterNoneKeeps() {
        assertEquals(1.0, Decay.factor(5, 5, 10), 0);
        assertEquals(0.5, Decay.factor(0, 10, 10), 1e-15);
        assertEquals(0.25, Decay.factor(0, 20, 10), 1e-15);
        assertEquals(Math.sqrt(0.5), Decay.factor(100, 105, 10), 1e-15);
    }

    public void testFactorsMultiplyAcrossSteps() {
        assertEquals(Decay.factor(0, 37, 13), Decay.factor(0, 20, 13) * Decay.factor(20, 37, 13), 1e-15);
    }

    public void testBackwardsOrNonPositiveHalfLifeIsRefused() {
        expectThrows(IllegalArgumentException.class, () -> Decay.factor(10, 5, 10));
        expectThrows(IllegalArgumentException.class, () -> Decay.factor(0, 5, 0));
    }
}
