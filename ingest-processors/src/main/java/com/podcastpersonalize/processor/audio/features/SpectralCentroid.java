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
        return frame(s, freqs, SpectrumKernels.best());
    }

    /**
     * One frame's centroid, the sums taken by {@code kernels} in four running sums, so that the additions do not wait
     * on each other (rounding only).
     */
    public static double frame(double[] s, double[] freqs, SpectrumKernels kernels) {
        return kernels.dot4(freqs, s, s.length) / Norms.safeDivisor(kernels.absSum4(s));
    }
}
