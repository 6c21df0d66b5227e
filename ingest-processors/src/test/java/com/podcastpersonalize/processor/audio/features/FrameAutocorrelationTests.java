package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

/** The shared-block autocorrelation against the definition, summed directly, for both of its strategies. */
public class FrameAutocorrelationTests extends OpenSearchTestCase {

    private static double[] signal(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i * 0.031) * 0.5 + (random().nextDouble() - 0.5) * 0.2;
        }
        return x;
    }

    private static void assertMatchesDefinition(int frameLength, int hop, int maxLag) {
        double[] x = signal(frameLength + 37 * hop);
        int frames = Framing.frameCount(x.length, frameLength, hop);
        FrameAutocorrelation acf = new FrameAutocorrelation(x, frameLength, hop, maxLag);
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
