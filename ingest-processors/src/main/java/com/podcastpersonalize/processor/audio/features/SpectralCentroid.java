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
            double[] s = magnitude[t];
            double sum = 0; // L1 norm
            double acc = 0;
            for (int k = 0; k < s.length; k++) {
                sum += Math.abs(s[k]);
                acc += freqs[k] * s[k];
            }
            out[t] = acc / Norms.safeDivisor(sum);
        }
        return out;
    }
}
