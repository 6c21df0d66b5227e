package com.podcastpersonalize.processor.audio.features;

/**
 * A short-time Fourier transform: {@code re[t][k]}, {@code im[t][k]} for frame t and bin k (0..n_fft/2),
 * frame-major (the transpose of librosa's [freq, time] layout).
 */
public record Spectrogram(double[][] re, double[][] im, int nFft, int hop) {

    public int frames() {
        return re.length;
    }

    public int bins() {
        return nFft / 2 + 1;
    }

    /** |X|^power, as librosa's {@code _spectrogram(power=...)}. */
    public double[][] magnitude(double power) {
        double[][] out = new double[re.length][];
        for (int t = 0; t < re.length; t++) {
            double[] r = re[t];
            double[] i = im[t];
            double[] o = new double[r.length];
            for (int k = 0; k < r.length; k++) {
                double p2 = r[k] * r[k] + i[k] * i[k];
                o[k] = power == 2 ? p2 : power == 1 ? Math.sqrt(p2) : Math.pow(p2, power / 2);
            }
            out[t] = o;
        }
        return out;
    }

    /** |X| from |X|² computed by {@link #magnitude}(2.0): the same values as {@code magnitude(1.0)}, one pass fewer over the STFT. */
    public static double[][] sqrt(double[][] power) {
        double[][] out = new double[power.length][];
        for (int t = 0; t < power.length; t++) {
            double[] p = power[t];
            double[] o = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                o[k] = Math.sqrt(p[k]);
            }
            out[t] = o;
        }
        return out;
    }
}
