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
 * like the OpenSearch node with {@code --add-modules=jdk.incubator.vector}, does use the Vector API.
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
            assertSame2d("mfcc", a.mfcc(), b.mfcc());
            assertSame2d("mfcc delta", a.mfccDelta(), b.mfccDelta());
            assertSame2d("chroma", a.chroma(), b.chroma());
            assertSame2d("contrast", a.contrast(), b.contrast());
            assertArrayEquals("centroid", a.centroid(), b.centroid(), 0.0);
            assertArrayEquals("bandwidth", a.bandwidth(), b.bandwidth(), 0.0);
            assertArrayEquals("rolloff", a.rolloff(), b.rolloff(), 0.0);
            assertArrayEquals("flatness", a.flatness(), b.flatness(), 0.0);
            assertArrayEquals("onset", a.onset(), b.onset(), 0.0);
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

    private static void assertSame2d(String what, double[][] expected, double[][] actual) {
        assertEquals(what, expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(what + " frame " + t, expected[t], actual[t], 0.0);
        }
    }
}
