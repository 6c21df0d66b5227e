package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.chroma_stft(y, sr, n_fft=2048, hop_length=512, norm=np.inf, tuning=None,
 * n_chroma=12)}: the chroma filterbank applied to the power spectrogram |STFT|², each frame divided by its
 * maximum (frames that are all zero stay zero). With tuning {@code NaN} (librosa's None) the tuning is first
 * estimated ({@link TuningEstimator}) from that same power spectrogram, as chroma_stft does (note that
 * {@code librosa.estimate_tuning(y=y)} works on the magnitude instead and can give another value).
 * Output [frame][chroma], C first.
 */
public final class ChromaStft {

    /** The tuning estimate chroma_stft makes when none is given: 0.01-bin resolution, 12 bins per octave. */
    public static final double TUNING_RESOLUTION = 0.01;
    public static final int BINS_PER_OCTAVE = 12;

    private ChromaStft() {}

    /** @param power |STFT|² [frame][bin] */
    public static double[][] fromPower(double[][] power, double sr, double tuning) {
        int nFft = power.length == 0 ? Stft.DEFAULT_N_FFT : 2 * (power[0].length - 1);
        double t = Double.isNaN(tuning) ? TuningEstimator.estimate(power, sr, TUNING_RESOLUTION, BINS_PER_OCTAVE) : tuning;
        double[][] fb = ChromaFilterbank.of(sr, nFft, t);
        int n = fb.length;
        int bins = n == 0 ? 0 : fb[0].length;
        // weights bin-major, so that the n sums of a frame run side by side, each adding its bins in order
        double[] byBin = new double[bins * n];
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < bins; k++) {
                byBin[k * n + c] = fb[c][k];
            }
        }
        double[][] out = new double[power.length][];
        for (int f = 0; f < power.length; f++) {
            double[] acc = n == 12 ? sums12(power[f], byBin) : sums(power[f], byBin, n);
            double max = 0;
            for (double a : acc) {
                max = Math.max(max, Math.abs(a));
            }
            double div = Norms.safeDivisor(max);
            for (int c = 0; c < n; c++) {
                acc[c] /= div;
            }
            out[f] = acc;
        }
        return out;
    }

    private static double[] sums(double[] s, double[] byBin, int n) {
        double[] acc = new double[n];
        for (int k = 0; k < s.length; k++) {
            double v = s[k];
            for (int c = 0; c < n; c++) {
                acc[c] += byBin[k * n + c] * v;
            }
        }
        return acc;
    }

    /**
     * {@link #sums} for librosa's 12 chroma, the sums held in 12 locals: the JIT keeps them in registers instead
     * of loading and storing an array element per product (about 3 × faster). The same products added in the
     * same order.
     */
    private static double[] sums12(double[] s, double[] w) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0;
        for (int k = 0, b = 0; k < s.length; k++, b += 12) {
            double v = s[k];
            a0 += w[b] * v;
            a1 += w[b + 1] * v;
            a2 += w[b + 2] * v;
            a3 += w[b + 3] * v;
            a4 += w[b + 4] * v;
            a5 += w[b + 5] * v;
            a6 += w[b + 6] * v;
            a7 += w[b + 7] * v;
            a8 += w[b + 8] * v;
            a9 += w[b + 9] * v;
            a10 += w[b + 10] * v;
            a11 += w[b + 11] * v;
        }
        return new double[] {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11};
    }
}
