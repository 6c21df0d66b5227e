package com.podcastpersonalize.processor.audio.decode;

import org.opensearch.test.OpenSearchTestCase;

/**
 * The block path for integer decimation (44.1 → 22.05 kHz and 88.2 → 22.05 kHz) against the per-output dot
 * product with the same kernel, fed and drained in random block sizes so that block edges fall everywhere.
 */
public class SincResamplerTests extends OpenSearchTestCase {

    private static float[] noise(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(i * 0.07) + (random().nextDouble() - 0.5) * 0.8);
        }
        return x;
    }

    /** All output of the resampler, the input fed and the output drained in random sizes. */
    private static float[] run(SincResampler r, float[] in) {
        float[] out = new float[(int) r.outputLength(in.length)];
        int fed = 0;
        int got = 0;
        while (got < out.length) {
            boolean end = fed == in.length;
            int n = r.drain(out, got, Math.min(out.length - got, 1 + random().nextInt(3000)), end);
            got += n;
            if (n == 0 && !end) {
                int len = Math.min(in.length - fed, 1 + random().nextInt(5000));
                r.feed(in, fed, len);
                fed += len;
            }
        }
        assertEquals(0, r.drain(new float[8], 0, 8, true));
        return out;
    }

    private static void assertBlockPathMatchesReference(int inRate, int outRate) {
        float[] in = noise(3 * inRate + random().nextInt(1000));
        float[] fast = run(new SincResampler(inRate, outRate), in);
        float[] reference = run(new SincResampler(inRate, outRate, false), in);
        assertEquals(reference.length, fast.length);
        for (int i = 0; i < fast.length; i++) {
            // the same filter, summed in another order: rounding only, within a few float ulps of the output
            assertEquals(inRate + " Hz, output " + i, reference[i], fast[i], 1e-6f);
        }
    }

    public void testHalvingTheRateByBlocksMatchesTheDotProductPerOutput() {
        assertBlockPathMatchesReference(44100, 22050);
    }

    public void testQuarteringTheRateByBlocksMatchesTheDotProductPerOutput() {
        assertBlockPathMatchesReference(88200, 22050);
    }

    public void testResetRestartsTheBlockPathAsIfTheInputBeganThere() {
        float[] in = noise(44100);
        SincResampler r = new SincResampler(44100, 22050);
        run(r, noise(10_000));
        r.reset();
        assertArrayEquals(run(new SincResampler(44100, 22050), in), run(r, in), 0f);
    }
}
