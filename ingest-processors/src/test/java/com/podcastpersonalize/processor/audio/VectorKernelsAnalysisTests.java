package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.AudioDecoders;
import com.podcastpersonalize.processor.audio.decode.AudioSource;
import com.podcastpersonalize.processor.audio.decode.DecodeLimits;
import com.podcastpersonalize.processor.audio.decode.ResamplingSource;
import com.podcastpersonalize.processor.audio.features.SpectrumKernels;
import org.opensearch.test.OpenSearchTestCase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The analyzer's pass gives the same features bit for bit with the Vector API kernels as with the scalar ones, on
 * real speech and music (the librosa reference clips and the repository's music clips), and the test JVM, started
 * like the OpenSearch node with {@code --add-modules=jdk.incubator.vector}, does use the Vector API. The exception:
 * the features computed from logarithms, since the Vector API's LOG10 and LOG may differ from Math.log10 and Math.log
 * by an ulp: those from dB values (MFCC and its deltas, contrast, onset strength) agree to 1e-12 of the feature's
 * largest magnitude over the input (at least 1e-12 absolute), spectral flatness (from a sum of logs) to 1e-12 of
 * each value; a thousand times the rounding such an ulp can cause.
 */
public class VectorKernelsAnalysisTests extends OpenSearchTestCase {

    private static final int SR = 22050;

    public void testTheVectorApiIsUsedWhenTheJvmHasTheModule() {
        assertTrue("the test JVM runs without --add-modules=jdk.incubator.vector (pom.xml tests.jvm.args)",
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        assertNotSame(SpectrumKernels.scalar(), SpectrumKernels.best());
        assertTrue(SpectrumKernels.best().toString(), SpectrumKernels.best().toString().startsWith("Vector API"));
    }

    public void testScalarAndVectorPassesGiveTheSameFeatures() throws Exception {
        WindowAnalysis scalar = new WindowAnalysis(SR, SpectrumKernels.scalar());
        WindowAnalysis vector = new WindowAnalysis(SR, SpectrumKernels.best());
        float[] speech = AudioReference.generated("speech10s.y.npy").asFloats();
        float[][] inputs = {
            speech,
            AudioReference.generated("test1_22050.y.npy").asFloats(),
            clip("music_groove.wav"),
            clip("music_chord.wav"),
            clip("speech_en-gb-f3_a.wav"),
            Arrays.copyOf(speech, between(SR / 4, speech.length)) // a length that leaves partial vectors everywhere
        };
        for (float[] y : inputs) {
            FrameFeatures a = scalar.analyze(y);
            FrameFeatures b = vector.analyze(y);
            double mfccScale = largestMagnitude(a.mfcc());
            assertClose2d("mfcc", a.mfcc(), b.mfcc(), mfccScale);
            assertClose2d("mfcc delta", a.mfccDelta(), b.mfccDelta(), mfccScale); // differences of the MFCCs
            assertSame2d("chroma", a.chroma(), b.chroma());
            assertClose2d("contrast", a.contrast(), b.contrast(), largestMagnitude(a.contrast()));
            assertArrayEquals("centroid", a.centroid(), b.centroid(), 0.0);
            assertArrayEquals("bandwidth", a.bandwidth(), b.bandwidth(), 0.0);
            assertArrayEquals("rolloff", a.rolloff(), b.rolloff(), 0.0);
            for (int i = 0; i < a.flatness().length; i++) { // from a sum of logs
                assertEquals("flatness frame " + i, a.flatness()[i], b.flatness()[i], 1e-12 * a.flatness()[i]);
            }
            assertArrayEquals("onset", a.onset(), b.onset(), 1e-12 * largestMagnitude(new double[][] {a.onset()}));
            assertArrayEquals("f0", a.f0(), b.f0(), 0.0);
            assertTrue("voiced", Arrays.equals(a.voiced(), b.voiced()));
            assertEquals(a.segments(), b.segments());
        }
    }

    /** A clip of the repository's test audio, decoded and resampled to the analysis rate as the analyzer does. */
    private static float[] clip(String name) throws Exception {
        Path file = createTempDir().resolve(name);
        Files.write(file, TestAudio.resource("/audio/" + name));
        try (AudioSource source = ResamplingSource.of(AudioDecoders.open(file, DecodeLimits.DEFAULT), SR)) {
            float[] y = new float[SR];
            int pos = 0;
            int n;
            while ((n = source.read(y, pos, y.length - pos)) > 0) {
                pos += n;
                if (pos == y.length) {
                    y = Arrays.copyOf(y, 2 * y.length);
                }
            }
            assertTrue(name + " decoded " + pos + " samples", pos > SR);
            return Arrays.copyOf(y, pos);
        }
    }

    /** The largest |value|, at least 1 (the features compared with it are in dB or derived from dB values). */
    private static double largestMagnitude(double[][] rows) {
        double max = 1;
        for (double[] row : rows) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static void assertClose2d(String what, double[][] expected, double[][] actual, double scale) {
        assertEquals(what, expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(what + " frame " + t, expected[t], actual[t], 1e-12 * scale);
        }
    }

    private static void assertSame2d(String what, double[][] expected, double[][] actual) {
        assertEquals(what, expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(what + " frame " + t, expected[t], actual[t], 0.0);
        }
    }
}
