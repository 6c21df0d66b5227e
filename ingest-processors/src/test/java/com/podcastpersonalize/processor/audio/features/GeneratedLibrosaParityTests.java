package com.podcastpersonalize.processor.audio.features;

import com.podcastpersonalize.processor.audio.AudioReference;
import com.podcastpersonalize.processor.audio.Npy;
import com.podcastpersonalize.processor.audio.Parity;
import org.opensearch.test.OpenSearchTestCase;

/**
 * Parity with arrays the team computed with librosa 0.11.0 at its defaults (sr 22050, n_fft 2048, hop 512,
 * centred, Hann, zero padding) from {@code test1_22050} (music excerpt) and {@code speech10s} (espeak-ng).
 * The input is librosa's own decoding ({@code *.y.npy}, float32), so only the features are compared.
 *
 * <p>There is no upstream tolerance for these arrays, and librosa computes most of them in float32 while we
 * compute in double. Tolerances, chosen as tight as float32 allows and stated per test, use numpy.allclose's
 * rule |ours - librosa| ≤ atol + rtol·|librosa| with atol relative to the array's largest magnitude where
 * values span many decades (power spectra): an absolute floor is the only meaningful comparison for values
 * 10⁻¹⁰ of the maximum, which float32 cannot resolve.
 */
public class GeneratedLibrosaParityTests extends OpenSearchTestCase {

    private static final double SR = 22050;
    private static final int N_FFT = 2048;
    private static final int HOP = 512;
    private static final String[] INPUTS = {"test1_22050", "speech10s"};

    private static float[] y(String input) {
        return AudioReference.generated(input + ".y.npy").asFloats();
    }

    private static Npy ref(String input, String feature) {
        return AudioReference.generated(input + "." + feature + ".npy");
    }

    public void testMelSpectrogram() {
        for (String in : INPUTS) {
            double[][] mel = MelSpectrogram.compute(y(in), SR, N_FFT, HOP, 128);
            Npy r = ref(in, "melspectrogram");
            // float32 reference: rtol 1e-4, atol 1e-6 × max
            assertEquals(0, Parity.compareTransposed(in + " melspectrogram", mel, r, 1e-4, 1e-6 * Parity.maxAbs(r.data())).violations());
        }
    }

    public void testMfcc() {
        for (String in : INPUTS) {
            double[][] mel = MelSpectrogram.compute(y(in), SR, N_FFT, HOP, 128);
            double[][] mfcc = Mfcc.fromLogMel(PowerToDb.compute(mel), 20);
            // coefficients of dB values (hundreds of dB): atol 2e-3 dB, rtol 1e-4
            assertEquals(0, Parity.compareTransposed(in + " mfcc", mfcc, ref(in, "mfcc"), 1e-4, 2e-3).violations());
        }
    }

    // the analyzer's path (WindowAnalysis): |STFT|² straight from the frames, |STFT| as its square root
    private static double[][] power(String in) {
        return new Stft(N_FFT, HOP).power(y(in));
    }

    private static double[][] magnitude(String in) {
        return Spectrogram.sqrt(power(in));
    }

    public void testSpectralCentroidBandwidthRolloff() {
        double[] freqs = FftFrequencies.of(SR, N_FFT);
        for (String in : INPUTS) {
            double[][] s = magnitude(in);
            double[] centroid = SpectralCentroid.compute(s, freqs);
            // Hz; rtol 1e-5 plus 1e-3 Hz for near-silent frames where float32 rounding dominates
            assertEquals(0, Parity.compare(in + " spectral_centroid", centroid, ref(in, "spectral_centroid").data(), 1e-5, 1e-3).violations());
            double[] bw = SpectralBandwidth.compute(s, freqs, centroid, 2.0, true);
            assertEquals(0, Parity.compare(in + " spectral_bandwidth", bw, ref(in, "spectral_bandwidth").data(), 1e-5, 1e-3).violations());
            double[] roll = SpectralRolloff.compute(s, freqs, 0.85);
            Parity.Result r = Parity.compare(in + " spectral_rolloff", roll, ref(in, "spectral_rolloff").data(), 0, 1e-6);
            // a bin index: exact except where the 85% point falls within float32 rounding of a bin boundary (≤ 1% of frames, one bin)
            assertTrue(r.describe(), r.violations() <= r.count() / 100 && r.maxAbs() <= SR / N_FFT + 1e-6);
        }
    }

    public void testSpectralContrast() {
        double[] freqs = FftFrequencies.of(SR, N_FFT);
        for (String in : INPUTS) {
            double[][] c = SpectralContrast.compute(magnitude(in), freqs, 200.0, 6, 0.02, false);
            // dB differences: atol 1e-3 dB, rtol 1e-4
            assertEquals(0, Parity.compareTransposed(in + " spectral_contrast", c, ref(in, "spectral_contrast"), 1e-4, 1e-3).violations());
        }
    }

    public void testZeroCrossingRateAndRms() {
        for (String in : INPUTS) {
            double[] zcr = ZeroCrossingRate.compute(y(in), 2048, 512, true);
            // counts / 2048: exact
            assertEquals(0, Parity.compare(in + " zero_crossing_rate", zcr, ref(in, "zero_crossing_rate").data(), 0, 1e-12).violations());
            double[] rms = Rms.compute(y(in), 2048, 512, true);
            // float32 reference: rtol 1e-5, atol 1e-8
            assertEquals(0, Parity.compare(in + " rms", rms, ref(in, "rms").data(), 1e-5, 1e-8).violations());
        }
    }

    public void testChroma() {
        for (String in : INPUTS) {
            double[][] power = power(in);
            double[][] chroma0 = ChromaStft.fromPower(power, SR, 0.0);
            // values in [0, 1] (max-normalised), float32: atol 1e-5, rtol 1e-4
            assertEquals(0, Parity.compareTransposed(in + " chroma_stft_tuning0", chroma0, ref(in, "chroma_stft_tuning0"), 1e-4, 1e-5).violations());
            double tuning = TuningEstimator.estimate(power, SR, 0.01, 12);
            double[][] chroma = ChromaStft.fromPower(power, SR, Double.NaN);
            Parity.Result r = Parity.compareTransposed(in + " chroma_stft (tuning " + tuning + ")", chroma, ref(in, "chroma_stft"), 1e-4, 1e-5);
            assertEquals(0, r.violations());
        }
    }

    public void testEstimatedTuningMatches() {
        // generated-librosa-0.11.0.json: estimated_tuning 0.09 (test1_22050) and -0.06 (speech10s), i.e.
        // librosa.estimate_tuning(y=y, sr=sr), which runs piptrack on the magnitude |STFT|; histogram bins of 0.01
        double[] expected = {0.08999999999999997, -0.06};
        for (int i = 0; i < INPUTS.length; i++) {
            double[][] mag = magnitude(INPUTS[i]);
            assertEquals(INPUTS[i], expected[i], TuningEstimator.estimate(mag, SR, 0.01, 12), 1e-9);
        }
    }

    public void testOnsetStrengthAndTempo() {
        for (String in : INPUTS) {
            double[][] logMel = PowerToDb.compute(MelSpectrogram.compute(y(in), SR, N_FFT, HOP, 128));
            double[] onset = OnsetStrength.fromLogMel(logMel, N_FFT, HOP);
            // mean of dB differences, float32: atol 1e-4, rtol 1e-4
            assertEquals(0, Parity.compare(in + " onset_strength", onset, ref(in, "onset_strength").data(), 1e-4, 1e-4).violations());
            TempoEstimator.Estimate tempo = TempoEstimator.estimate(onset, SR, HOP);
            // a lag bin: must be the same bin
            assertEquals(0, Parity.compare(in + " tempo", new double[] {tempo.librosaBpm()}, ref(in, "tempo").data(), 0, 1e-9).violations());
        }
    }

    public void testYin() {
        for (String in : INPUTS) {
            Yin.Result r = Yin.compute(y(in), SR);
            double[] ref = ref(in, "yin").data();
            double[] log2Ours = new double[ref.length];
            double[] log2Ref = new double[ref.length];
            for (int i = 0; i < ref.length; i++) {
                log2Ours[i] = Math.log(r.f0()[i]) / Math.log(2);
                log2Ref[i] = Math.log(ref[i]) / Math.log(2);
            }
            // librosa's YIN test tolerance (log2 Hz, atol 1e-2) on every frame, silent and unvoiced frames included
            Parity.Result p = Parity.compare(in + " yin (log2 Hz)", log2Ours, log2Ref, 0, 1e-2);
            assertEquals(0, p.violations());
        }
    }
}
