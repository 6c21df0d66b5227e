package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.features.ChromaStft;
import com.podcastpersonalize.processor.audio.features.FftFrequencies;
import com.podcastpersonalize.processor.audio.features.MelFilterbank;
import com.podcastpersonalize.processor.audio.features.MelSpectrogram;
import com.podcastpersonalize.processor.audio.features.Mfcc;
import com.podcastpersonalize.processor.audio.features.PowerToDb;
import com.podcastpersonalize.processor.audio.features.SpectralBandwidth;
import com.podcastpersonalize.processor.audio.features.SpectralCentroid;
import com.podcastpersonalize.processor.audio.features.SpectralContrast;
import com.podcastpersonalize.processor.audio.features.SpectralFlatness;
import com.podcastpersonalize.processor.audio.features.SpectralRolloff;
import com.podcastpersonalize.processor.audio.features.Spectrogram;
import com.podcastpersonalize.processor.audio.features.Stft;
import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;

/**
 * The analyzer's frame-by-frame pass gives exactly what the whole-spectrogram feature methods (the ones the
 * librosa parity tests check) give on the same window, for inputs of several lengths through one reused
 * WindowAnalysis; the features computed from logarithms (MFCC, contrast, flatness) to 1e-12, since with the Vector
 * API the logs may differ by an ulp between two calls: its LOG and LOG10 are the JDK's SIMD stubs once C2 has
 * compiled the kernel, and Math.log, Math.log10 lane by lane before.
 */
public class WindowAnalysisTests extends OpenSearchTestCase {

    private static final int SR = 22050;

    public void testFramewisePassEqualsTheWholeSpectrogramMethods() throws Exception {
        float[] speech = AudioReference.generated("speech10s.y.npy").asFloats();
        float[] music = AudioReference.generated("test1_22050.y.npy").asFloats();
        WindowAnalysis analysis = new WindowAnalysis(SR);
        for (float[] y : new float[][] {speech, music, Arrays.copyOf(speech, between(SR / 4, speech.length)), speech}) {
            FrameFeatures f = analysis.analyze(y);
            double[][] power = new Stft(2048, 512).power(y);
            double[][] magnitude = Spectrogram.sqrt(power);
            double[] freqs = FftFrequencies.of(SR, 2048);
            double[][] logMel = PowerToDb.compute(MelSpectrogram.fromSpectrogram(power, MelFilterbank.of(SR, 2048, 128)));
            assertClose(Mfcc.fromLogMel(logMel, 20), f.mfcc());
            double[] centroid = SpectralCentroid.compute(magnitude, freqs);
            assertArrayEquals(centroid, f.centroid(), 0.0);
            assertArrayEquals(SpectralBandwidth.compute(magnitude, freqs, centroid, 2.0, true), f.bandwidth(), 0.0);
            assertArrayEquals(SpectralRolloff.compute(magnitude, freqs, 0.85), f.rolloff(), 0.0);
            double[] flatness = SpectralFlatness.fromPower(power, SpectralFlatness.AMIN);
            for (int i = 0; i < flatness.length; i++) {
                assertEquals("flatness frame " + i, flatness[i], f.flatness()[i], 1e-12 * flatness[i]);
            }
            assertClose(SpectralContrast.compute(magnitude, freqs, 200.0, 6, 0.02, false), f.contrast());
            assertDeepEquals(ChromaStft.fromPower(power, SR, Double.NaN), f.chroma());
        }
    }

    /** Equal to 1e-12 of the largest magnitude over all frames (at least 1e-12 absolute: dB or from dB values). */
    private static void assertClose(double[][] expected, double[][] actual) {
        double scale = 1;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        assertEquals(expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals("frame " + t, expected[t], actual[t], 1e-12 * scale);
        }
    }

    private static void assertDeepEquals(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals("frame " + t, expected[t], actual[t], 0.0);
        }
    }
}
