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

    private ChromaStft() {}

    /** @param power |STFT|² [frame][bin] */
    public static double[][] fromPower(double[][] power, double sr, double tuning) {
        int nFft = power.length == 0 ? Stft.DEFAULT_N_FFT : 2 * (power[0].length - 1);
        double t = Double.isNaN(tuning) ? TuningEstimator.estimate(power, sr, 0.01, 12) : tuning;
        double[][] fb = ChromaFilterbank.of(sr, nFft, t);
        int bins = fb.length == 0 ? 0 : fb[0].length;
        // weights bin-major, so that the 12 sums of a frame run side by side; each still adds its bins in order
        double[][] byBin = new double[bins][fb.length];
        for (int c = 0; c < fb.length; c++) {
            for (int k = 0; k < bins; k++) {
                byBin[k][c] = fb[c][k];
            }
        }
        double[][] out = new double[power.length][fb.length];
        for (int f = 0; f < power.length; f++) {
            double[] acc = out[f];
            double[] s = power[f];
            for (int k = 0; k < s.length; k++) {
                double[] w = byBin[k];
                double v = s[k];
                for (int c = 0; c < acc.length; c++) {
                    acc[c] += w[c] * v;
                }
            }
            double max = 0;
            for (double a : acc) {
                max = Math.max(max, Math.abs(a));
            }
            double div = Norms.safeDivisor(max);
            for (int c = 0; c < acc.length; c++) {
                acc[c] /= div;
            }
        }
        return out;
    }
}
