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
        return fromPower(power, sr, tuning, SpectrumKernels.best());
    }

    /** {@link #fromPower(double[][], double, double)} with librosa's 12 sums per frame taken by {@code kernels}. */
    public static double[][] fromPower(double[][] power, double sr, double tuning, SpectrumKernels kernels) {
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
            double[] acc = new double[n];
            if (n == 12) {
                kernels.chroma12(power[f], byBin, acc);
            } else {
                sums(power[f], byBin, acc);
            }
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

    private static void sums(double[] s, double[] byBin, double[] acc) {
        int n = acc.length;
        for (int k = 0; k < s.length; k++) {
            double v = s[k];
            for (int c = 0; c < n; c++) {
                acc[c] += byBin[k * n + c] * v;
            }
        }
    }
}
