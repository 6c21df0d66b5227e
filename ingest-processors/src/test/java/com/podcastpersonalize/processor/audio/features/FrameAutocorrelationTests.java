package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

/** The shared-block autocorrelation against the definition, summed directly, for both of its strategies. */
public class FrameAutocorrelationTests extends OpenSearchTestCase {

    private static float[] signal(int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (Math.sin(i * 0.031) * 0.5 + (random().nextDouble() - 0.5) * 0.2);
        }
        return y;
    }

    /** Frames of y zero-padded by {@code pad} on both sides (built here as a copy, which the class under test avoids). */
    private static void assertMatchesDefinition(int frameLength, int hop, int maxLag, int pad) {
        float[] y = signal(frameLength + 37 * hop);
        double[] x = Framing.pad(y, pad, Framing.Pad.CONSTANT);
        int frames = Framing.frameCount(x.length, frameLength, hop);
        FrameAutocorrelation acf = new FrameAutocorrelation(y, pad, frameLength, hop, maxLag);
        double[] ours = new double[maxLag + 1];
        for (int t = 0; t < frames; t++) {
            acf.next(ours);
            int s = t * hop;
            for (int tau = 0; tau <= maxLag; tau++) {
                double r = 0;
                for (int n = 0; n + tau < frameLength; n++) {
                    r += x[s + n] * x[s + n + tau];
                }
                assertEquals("frame " + t + " lag " + tau, r, ours[tau], 1e-12 * frameLength);
            }
        }
    }

    private static void assertMatchesDefinition(int frameLength, int hop, int maxLag) {
        assertMatchesDefinition(frameLength, hop, maxLag, 0);
        assertMatchesDefinition(frameLength, hop, maxLag, frameLength / 2); // centred frames, as YIN takes them
    }

    public void testBlockwiseAtYinDefaults() {
        assertMatchesDefinition(2048, 512, 338); // frames of 4 hops, lags below one hop: shared blocks
    }

    public void testPerFrameWhenFramesAreNotWholeHops() {
        assertMatchesDefinition(1000, 300, 200);
    }

    public void testPerFrameWhenLagsReachBeyondAHop() {
        assertMatchesDefinition(1024, 256, 400);
    }
}
