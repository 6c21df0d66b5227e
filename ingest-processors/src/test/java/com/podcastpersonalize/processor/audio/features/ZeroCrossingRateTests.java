package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

/**
 * The running count gives, frame by frame, the sign changes counted directly in the edge-padded frame, short signals
 * included; a reused {@link ZeroCrossingRate.Counter} (its buffer left from longer and shorter signals) gives the same.
 */
public class ZeroCrossingRateTests extends OpenSearchTestCase {

    public void testRunningCountEqualsCountingEachPaddedFrame() {
        ZeroCrossingRate.Counter reused = new ZeroCrossingRate.Counter();
        for (int trial = 0; trial < 200; trial++) {
            int frameLength = randomFrom(4, 16, 64);
            int hop = between(1, frameLength);
            float[] y = new float[between(0, 300)];
            for (int i = 0; i < y.length; i++) {
                y[i] = randomBoolean() ? 0f : (float) (randomDouble() - 0.5);
            }
            boolean center = randomBoolean();
            int pad = center ? frameLength / 2 : 0;
            float[] padded = new float[y.length + 2 * pad];
            for (int i = 0; i < padded.length; i++) {
                padded[i] = y.length == 0 ? 0f : y[Math.max(0, Math.min(y.length - 1, i - pad))]; // np.pad mode='edge'
            }
            double[] zcr = ZeroCrossingRate.compute(y, frameLength, hop, center);
            assertArrayEquals(zcr, reused.compute(y, frameLength, hop, center), 0.0);
            assertEquals(Framing.frameCount(padded.length, frameLength, hop), zcr.length);
            for (int t = 0; t < zcr.length; t++) {
                int changes = 0;
                for (int i = t * hop + 1; i < t * hop + frameLength; i++) {
                    changes += (padded[i] < -ZeroCrossingRate.THRESHOLD) != (padded[i - 1] < -ZeroCrossingRate.THRESHOLD) ? 1 : 0;
                }
                assertEquals("frame " + t, (double) changes / frameLength, zcr[t], 0.0);
            }
        }
    }
}
