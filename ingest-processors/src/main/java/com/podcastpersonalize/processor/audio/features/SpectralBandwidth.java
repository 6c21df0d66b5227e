package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.spectral_bandwidth(y, sr, n_fft=2048, hop_length=512, p=2, norm=True)}:
 * per frame, (Σ_k S_norm[k]·|f_k - centroid|^p)^(1/p), with S the magnitude spectrum normalised to sum 1
 * when {@code norm} is set.
 */
public final class SpectralBandwidth {

    private SpectralBandwidth() {}

    public static double[] compute(double[][] magnitude, double[] freqs, double[] centroid, double p, boolean norm) {
        double[] out = new double[magnitude.length];
        for (int t = 0; t < magnitude.length; t++) {
            double[] s = magnitude[t];
            double div = norm ? Norms.safeDivisor(Norms.l1(s)) : 1.0;
            double acc = 0;
            for (int k = 0; k < s.length; k++) {
                acc += s[k] / div * Math.pow(Math.abs(freqs[k] - centroid[t]), p);
            }
            out[t] = Math.pow(acc, 1.0 / p);
        }
        return out;
    }
}
