package com.podcastpersonalize.sequence;

import org.opensearch.test.OpenSearchTestCase;

public class SequenceModelOptionsTests extends OpenSearchTestCase {

    public void testASmallDataSetGetsMoreEpochsForTheSameSteps() {
        SequenceModelOptions options = new SequenceModelOptions(10, 64, 64, 50, 300, 256, 0.003f, 0.02f, 7);
        assertEquals("67 batches an epoch", 5, options.epochsFor(17_146));
        assertEquals("17 batches an epoch", 18, options.epochsFor(4_189));
        assertEquals("one batch an epoch", 300, options.epochsFor(10));
    }

    public void testSizesBelowOneAndNonPositiveRatesAreRefused() {
        expectThrows(IllegalArgumentException.class, () -> new SequenceModelOptions(0, 64, 64, 50, 300, 256, 0.003f, 0.02f, 7));
        expectThrows(IllegalArgumentException.class, () -> new SequenceModelOptions(10, 64, 64, 50, 0, 256, 0.003f, 0.02f, 7));
        expectThrows(IllegalArgumentException.class, () -> new SequenceModelOptions(10, 64, 64, 50, 300, 256, 0f, 0.02f, 7));
        expectThrows(IllegalArgumentException.class, () -> new SequenceModelOptions(10, 64, 64, 50, 300, 256, 0.003f, Float.NaN, 7));
    }
}
