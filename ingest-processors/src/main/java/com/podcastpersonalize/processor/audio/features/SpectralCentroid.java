package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.spectral_centroid(y, sr, n_fft=2048, hop_length=512)}: per frame, the mean
 * of the bin frequencies weighted by the magnitude spectrum |STFT| (each frame normalised to sum 1; an
 * all-zero frame gives 0).
 */
public final class SpectralCentroid {

    private SpectralCentroid() {}

    public static double[] compute(double[][] magnitude, double[] freqs) {
        double[] out = new double[magnitude.length];
        for (int t = 0; t < magnitude.length; t++) {
            out[t] = frame(magnitude[t], freqs);
        }
        return out;
    }

    /** One frame's centroid from its magnitude spectrum. */
    public static double frame(double[] s, double[] freqs) {
        double sum = 0; // L1 norm
        double acc = 0;
        double sumOdd = 0; // even and odd bins summed apart, so that the additions do not wait on each other
        double accOdd = 0;
        int k = 0;
        for (; k + 1 < s.length; k += 2) {
            sum += Math.abs(s[k]);
            acc += freqs[k] * s[k];
            sumOdd += Math.abs(s[k + 1]);
            accOdd += freqs[k + 1] * s[k + 1];
        }
        for (; k < s.length; k++) {
            sum += Math.abs(s[k]);
            acc += freqs[k] * s[k];
        }
        sum += sumOdd;
        acc += accOdd;
        return acc / Norms.safeDivisor(sum);
    }
}
