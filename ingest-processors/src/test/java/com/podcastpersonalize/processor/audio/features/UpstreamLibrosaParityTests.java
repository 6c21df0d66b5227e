package com.podcastpersonalize.processor.audio.features;

import com.podcastpersonalize.processor.audio.AudioReference;
import com.podcastpersonalize.processor.audio.Npy;
import com.podcastpersonalize.processor.audio.Parity;
import com.podcastpersonalize.processor.audio.decode.AudioDecoders;
import com.podcastpersonalize.processor.audio.decode.AudioSource;
import com.podcastpersonalize.processor.audio.decode.DecodeLimits;
import org.opensearch.test.OpenSearchTestCase;

import java.nio.file.Path;

/**
 * Parity with librosa's own regression fixtures (MATLAB/Ellis/METlab), read in place from
 * ../shared/audio-reference (no license: never copied). Tolerances are those of librosa's tests before the
 * 2025 overhaul, as listed in the reference README: numpy.allclose defaults (rtol 1e-5, atol 1e-8) unless
 * stated otherwise.
 */
public class UpstreamLibrosaParityTests extends OpenSearchTestCase {

    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-8;

    static float[] decode(Path file) throws Exception {
        try (AudioSource src = AudioDecoders.open(file, DecodeLimits.DEFAULT)) {
            float[] out = new float[(int) src.totalFrames()];
            int pos = 0;
            int n;
            while (pos < out.length && (n = src.read(out, pos, out.length - pos)) > 0) {
                pos += n;
            }
            assertEquals(out.length, pos);
            return out;
        }
    }

    private static float[] test1() throws Exception {
        return decode(AudioReference.upstreamFile("upstream-librosa-test-data", "test1_22050.wav"));
    }

    public void testStftMatchesMatlabFixtures() throws Exception {
        float[] y = test1();
        for (String[] c : new String[][] {{"core-stft-002", "128", "64"}, {"core-stft-004", "128", "128"}, {"core-stft-012", "256", "256"}}) {
            int nFft = Integer.parseInt(c[1]);
            int hop = Integer.parseInt(c[2]);
            Spectrogram s = new Stft(nFft, hop, Windows.hann(nFft, true), false).compute(y);
            Npy re = AudioReference.upstream(c[0] + ".D_real.npy");
            Npy im = AudioReference.upstream(c[0] + ".D_imag.npy");
            // the MATLAB reference is the conjugate of librosa's STFT (README: compare to D.conj())
            double[][] negIm = new double[s.frames()][];
            for (int t = 0; t < s.frames(); t++) {
                negIm[t] = s.im()[t].clone();
                for (int k = 0; k < negIm[t].length; k++) {
                    negIm[t][k] = -negIm[t][k];
                }
            }
            assertEquals(c[0] + " real", 0, Parity.compareTransposed(c[0] + " real", s.re(), re, RTOL, ATOL).violations());
            assertEquals(c[0] + " imag", 0, Parity.compareTransposed(c[0] + " imag", negIm, im, RTOL, ATOL).violations());
        }
    }

    public void testMelFilterbanksMatchFixtures() {
        check("feature-melfb-121", MelFilterbank.of(new MelFilterbank.Params(22050, 512, 20, 0, 2000, false, true)), 512);
        check("feature-melfb-133", MelFilterbank.of(new MelFilterbank.Params(22050, 512, 40, 512, 2000, false, true)), 512);
        check("feature-melfbnorm-002", MelFilterbank.of(new MelFilterbank.Params(8000, 256, 20, 0, 2000, false, false)), 256);
    }

    public void testChromaFilterbanksMatchFixtures() {
        // tuning = n_chroma·(log2(A440) - log2(440)), ctroct 4, octwidth 0 → None, base_c False (as librosa's test)
        check("feature-chromafb-085", ChromaFilterbank.of(new ChromaFilterbank.Params(22050, 512, 12, 0.0, 4, Double.NaN, false)), 512);
        double tuning = 24 * (Math.log(435) / Math.log(2) - Math.log(440) / Math.log(2));
        check("feature-chromafb-073", ChromaFilterbank.of(new ChromaFilterbank.Params(22050, 256, 24, tuning, 4, Double.NaN, false)), 256);
    }

    /** Our [band][bin] filterbank (n_fft/2+1 columns) against the fixture zero-padded to n_fft columns. */
    private static void check(String name, double[][] ours, int nFft) {
        Npy ref = AudioReference.upstream(name + ".wts.npy");
        double[][] padded = new double[ours.length][nFft];
        for (int m = 0; m < ours.length; m++) {
            System.arraycopy(ours[m], 0, padded[m], 0, ours[m].length);
        }
        double[] flat = new double[ours.length * nFft];
        for (int m = 0; m < ours.length; m++) {
            System.arraycopy(padded[m], 0, flat, m * nFft, nFft);
        }
        assertEquals(name, 0, Parity.compare(name, flat, ref.data(), RTOL, ATOL).violations());
    }

    /** METlab fixtures: S = |STFT| with a symmetric Hamming window, not centred, normalised per frame. */
    private static double[][] metlabSpectrum() throws Exception {
        int nFft = 512;
        Spectrogram s = new Stft(nFft, 256, Windows.hamming(nFft, false), false).compute(test1());
        double[][] mag = s.magnitude(1.0);
        for (double[] frame : mag) {
            double norm = frame[0];
            for (int k = 1; k < frame.length; k++) {
                norm += 2 * frame[k];
            }
            for (int k = 0; k < frame.length; k++) {
                frame[k] /= norm;
            }
        }
        return mag;
    }

    public void testSpectralCentroidRolloffContrastMatchMetlab() throws Exception {
        double[][] s = metlabSpectrum();
        double[] freqs = FftFrequencies.of(22050, 512);
        double[] centroid = SpectralCentroid.compute(s, freqs);
        assertEquals(0, Parity.compare("met-centroid-001", centroid, AudioReference.upstream("met-centroid-001.centroid.npy").data(), RTOL, ATOL).violations());
        String[] files = {"met-rolloff-001", "met-rolloff-002", "met-rolloff-003"};
        double[] pcts = {0.80, 0.90, 0.95};
        for (int i = 0; i < 3; i++) {
            double[] r = SpectralRolloff.compute(s, freqs, pcts[i]);
            assertEquals(files[i], 0, Parity.compare(files[i], r, AudioReference.upstream(files[i] + ".rolloff.npy").data(), RTOL, ATOL).violations());
        }
        // librosa's test: spectral_contrast(S=S, linear=True), rtol=1e-3, atol=1e-2
        double[][] contrast = SpectralContrast.compute(s, freqs, 200.0, 6, 0.02, true);
        Npy ref = AudioReference.upstream("met-contrast-001.contrast.npy");
        assertEquals(0, Parity.compareTransposed("met-contrast-001 (linear)", contrast, ref, 1e-3, 1e-2).violations());
    }

    public void testSpectralBandwidthMatchesMetlab() {
        // spectral_bandwidth(S=S, centroid=centroid, norm=False, p=1) == S.shape[0]·bw (METlab takes the mean)
        double[][] s = AudioReference.upstream("met-bandwidth-001.S.npy").matrix();
        double[][] frames = transpose(s);
        double[] centroid = AudioReference.upstream("met-bandwidth-001.centroid.npy").data();
        double[] bw = SpectralBandwidth.compute(frames, FftFrequencies.of(22050, 512), centroid, 1.0, false);
        double[] ref = AudioReference.upstream("met-bandwidth-001.bw.npy").data().clone();
        for (int i = 0; i < ref.length; i++) {
            ref[i] *= s.length;
        }
        assertEquals(0, Parity.compare("met-bandwidth-001", bw, ref, RTOL, ATOL).violations());
    }

    public void testOnsetStrengthMatchesEllis() {
        // onset_strength(S=D, sr=8000, lag=1, max_size=1, center=False, detrend=True, aggregate=mean)[1:]
        double[][] d = transpose(AudioReference.upstream("beat-onset-000.D.npy").matrix());
        double[] env = OnsetStrength.fromSpectrogram(d, 1, false, true, 2048, 512);
        double[] ours = java.util.Arrays.copyOfRange(env, 1, env.length);
        double[] ref = AudioReference.upstream("beat-onset-000.onsetenv.npy").data();
        assertEquals(0, Parity.compare("beat-onset-000", ours, ref, RTOL, ATOL).violations());
    }

    public void testYinFollowsChirp() {
        // y = chirp(fmin=220, fmax=640, duration=1.0, sr=22050) (logarithmic, phase -90°);
        // yin(y, fmin=110, fmax=880, center=False, frame_length=1024, hop_length=512)[:-2]; log2 atol 1e-2
        double[] ref = AudioReference.upstream("../upstream-librosa-test-data/pitch-yin.npy").data();
        float[] y = chirp(220, 640, 1.0, 22050);
        Yin.Result r = Yin.compute(y, 22050, 110, 880, 1024, 512, 0.1, false);
        double[] ours = java.util.Arrays.copyOf(r.f0(), r.f0().length - 2);
        assertEquals(ref.length, ours.length);
        double[] log2Ours = new double[ours.length];
        double[] log2Ref = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            log2Ours[i] = Math.log(ours[i]) / Math.log(2);
            log2Ref[i] = Math.log(ref[i]) / Math.log(2);
        }
        assertEquals(0, Parity.compare("pitch-yin (log2 Hz)", log2Ours, log2Ref, 0, 1e-2).violations());
    }

    /** librosa.chirp: scipy.signal.chirp(t, f0, t1, f1, method='logarithmic', phi=-90). */
    static float[] chirp(double f0, double f1, double duration, int sr) {
        int n = (int) (duration * sr);
        float[] y = new float[n];
        double k = f1 / f0;
        for (int i = 0; i < n; i++) {
            double t = (double) i / sr;
            double phase = 2 * Math.PI * f0 * duration / Math.log(k) * (Math.pow(k, t / duration) - 1);
            y[i] = (float) Math.cos(phase - Math.PI / 2);
        }
        return y;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
