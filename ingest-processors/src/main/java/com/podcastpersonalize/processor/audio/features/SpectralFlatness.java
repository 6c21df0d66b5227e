package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.spectral_flatness(y, n_fft=2048, hop_length=512, amin=1e-10, power=2.0)}:
 * per frame, geometric mean / arithmetic mean of max(amin, |STFT|^power); 1 for a perfectly flat spectrum,
 * near 0 for a tone.
 */
public final class SpectralFlatness {

    public static final double AMIN = 1e-10;

    private SpectralFlatness() {}

    /** From the magnitude spectrogram |STFT| (power 1). */
    public static double[] compute(double[][] magnitude, double power, double amin) {
        double[] out = new double[magnitude.length];
        for (int t = 0; t < magnitude.length; t++) {
            double[] s = magnitude[t];
            double logSum = 0;
            double sum = 0;
            for (double v : s) {
                double x = Math.max(amin, power == 2 ? v * v : Math.pow(v, power));
                logSum += Math.log(x);
                sum += x;
            }
            out[t] = Math.exp(logSum / s.length) / (sum / s.length);
        }
        return out;
    }
}
