package com.podcastpersonalize.processor.audio.decode;

import com.podcastpersonalize.processor.audio.TestAudio;
import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;

/**
 * The block path for integer decimation (44.1 → 22.05 kHz and 88.2 → 22.05 kHz) against the per-output dot
 * product with the same kernel, fed and drained in random block sizes so that block edges fall everywhere; halving
 * both on the Vector API (as the test JVM runs it) and in the scalar loops of a JVM without the module.
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

    private static void assertClose(String what, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < actual.length; i++) {
            // the same filter, summed in another order (or in float): rounding only, within a few float ulps of the output
            assertEquals(what + ", output " + i, expected[i], actual[i], 1e-6f);
        }
    }

    private static float[][] assertBlockPathsMatchReference(int inRate, int outRate) {
        float[] in = noise(3 * inRate + random().nextInt(1000));
        float[] reference = run(new SincResampler(inRate, outRate, false), in);
        float[] lanes = run(new SincResampler(inRate, outRate, true, true), in);
        float[] scalar = run(new SincResampler(inRate, outRate, true, false), in);
        assertClose(inRate + " Hz, Vector API against the dot product", reference, lanes);
        assertClose(inRate + " Hz, scalar loops against the dot product", reference, scalar);
        assertClose(inRate + " Hz, Vector API against the scalar loops", scalar, lanes);
        assertArrayEquals("the public constructor takes the JVM's choice", run(new SincResampler(inRate, outRate, true, SincResampler.LANES), in),
            run(new SincResampler(inRate, outRate), in), 0f);
        return new float[][] { lanes, scalar };
    }

    public void testHalvingTheRateByBlocksMatchesTheDotProductPerOutput() {
        float[][] lanesAndScalar = assertBlockPathsMatchReference(44100, 22050);
        // float sums against double ones: some outputs differ in their last bit, so the lanes did run
        assertEquals(SincResampler.LANES, !Arrays.equals(lanesAndScalar[0], lanesAndScalar[1]));
    }

    public void testQuarteringTheRateByBlocksMatchesTheDotProductPerOutput() {
        assertBlockPathsMatchReference(88200, 22050);
    }

    public void testTheTestJvmDecimatesOnTheVectorApi() {
        // the test JVMs start with --add-modules=jdk.incubator.vector (pom.xml), as the OpenSearch node does; so
        // the tests above do compare the two paths (on a CPU with vectors of at least 8 floats)
        assertTrue(ModuleLayer.boot().findModule(SincResampler.VECTOR_MODULE).isPresent());
        assertEquals(LaneDecimation.lanes() >= 8, SincResampler.LANES);
        assertFalse(SincResampler.lanesUsable(false));
    }

    public void testEveryBlockLengthOnTheVectorApiMatchesTheScalarLoops() {
        // drains of 1..200 outputs: blocks that end in every part of the lane path (groups of four vectors, single
        // vectors, the outputs after the last whole vector)
        float[] in = noise(44100);
        SincResampler lanes = new SincResampler(44100, 22050, true, true);
        SincResampler scalar = new SincResampler(44100, 22050, true, false);
        lanes.feed(in, 0, in.length);
        scalar.feed(in, 0, in.length);
        float[] a = new float[256];
        float[] b = new float[256];
        for (int len = 1; len <= 200; len++) {
            int n = lanes.drain(a, 0, len, false);
            assertEquals(n, scalar.drain(b, 0, len, false));
            assertEquals(len, n);
            for (int i = 0; i < n; i++) {
                assertEquals("drain of " + len + ", output " + i, b[i], a[i], 1e-6f);
            }
        }
    }

    public void testResamplingSourceReadsIntoTheResamplerAsFeedingItTheDecodedSamples() throws Exception {
        // ResamplingSource has the resampler read from the decoder straight into its input history
        byte[] wav = TestAudio.wav16(noise(2 * 44100 + random().nextInt(1000)), 44100);
        float[] decoded;
        try (AudioSource s = AudioDecoders.open(AudioInput.of(wav, "n.wav"), DecodeLimits.DEFAULT)) {
            decoded = new float[(int) s.totalFrames()];
            assertEquals(decoded.length, Decoded.readAllInto(s, decoded));
        }
        float[] expected = run(new SincResampler(44100, 22050), decoded);
        try (AudioSource s = ResamplingSource.of(AudioDecoders.open(AudioInput.of(wav, "n.wav"), DecodeLimits.DEFAULT), 22050)) {
            float[] got = new float[expected.length];
            assertEquals(expected.length, Decoded.readAllInto(s, got));
            assertEquals(-1, s.read(new float[8], 0, 8));
            assertArrayEquals(expected, got, 0f);
        }
    }

    public void testResetRestartsTheBlockPathAsIfTheInputBeganThere() {
        float[] in = noise(44100);
        SincResampler r = new SincResampler(44100, 22050);
        run(r, noise(10_000));
        r.reset();
        assertArrayEquals(run(new SincResampler(44100, 22050), in), run(r, in), 0f);
    }
}
