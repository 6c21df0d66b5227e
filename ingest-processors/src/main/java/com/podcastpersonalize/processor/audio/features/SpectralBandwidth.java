package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.spectral_bandwidth(y, sr, n_fft=2048, hop_length=512, p=2, norm=True)}:
 * per frame, (Σ_k S_norm[k]·|f_k - centroid|^p)^(1/p), with S the magnitude spectrum normalised to sum 1
 * when {@code norm} is set.
 */
public final class SpectralBandwidth {

    private SpectralBandwidth() {}

    /** The normalisation is applied to the sum instead of to each bin (one division per frame; rounding only). */
    public static double[] compute(double[][] magnitude, double[] freqs, double[] centroid, double p, boolean norm) {
        double[] out = new double[magnitude.length];
        for (int t = 0; t < magnitude.length; t++) {
            out[t] = frame(magnitude[t], freqs, centroid[t], p, norm);
        }
        return out;
    }

    /** One frame's bandwidth from its magnitude spectrum and centroid. */
    public static double frame(double[] s, double[] freqs, double c, double p, boolean norm) {
        return frame(s, freqs, c, p, norm, SpectrumKernels.best());
    }

    /** With the sums for p = 2 taken by {@code kernels}, in four running sums (rounding only). */
    public static double frame(double[] s, double[] freqs, double c, double p, boolean norm, SpectrumKernels kernels) {
        double sum = 0;
        double acc = 0;
        if (p == 2) {
            sum = kernels.absSum4(s);
            acc = kernels.centredSquareDot4(s, freqs, c);
        } else {
            for (int k = 0; k < s.length; k++) {
                sum += Math.abs(s[k]);
                acc += s[k] * Math.pow(Math.abs(freqs[k] - c), p);
            }
        }
        double v = acc / (norm ? Norms.safeDivisor(sum) : 1.0);
        return p == 2 ? Math.sqrt(v) : Math.pow(v, 1.0 / p);
    }
}
