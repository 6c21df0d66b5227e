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
        double[][] out = new double[power.length][fb.length];
        for (int f = 0; f < power.length; f++) {
            double max = 0;
            for (int c = 0; c < fb.length; c++) {
                double acc = 0;
                double[] w = fb[c];
                double[] s = power[f];
                for (int k = 0; k < s.length; k++) {
                    acc += w[k] * s[k];
                }
                out[f][c] = acc;
                max = Math.max(max, Math.abs(acc));
            }
            double div = Norms.safeDivisor(max);
            for (int c = 0; c < fb.length; c++) {
                out[f][c] /= div;
            }
        }
        return out;
    }
}
