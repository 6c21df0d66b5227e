package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.delta(data, width=9, order=1, axis=-1, mode='interp')}, i.e. a
 * Savitzky-Golay derivative filter ({@code scipy.signal.savgol_filter(deriv=order, polyorder=order)}) along
 * time. For a polynomial of degree = order fitted over the window, the derivative is the same everywhere in
 * the window, so 'interp' mode gives the first and last width/2 frames the value of the nearest full window.
 * Order 1: Σ k·x[t+k] / Σ k²; order 2: 2·Σ (k² - mean k²)·x[t+k] / Σ (k² - mean k²)², k = -w/2..w/2.
 */
public final class Delta {

    public static final int DEFAULT_WIDTH = 9;

    private Delta() {}

    /** Delta along frames of data [frame][coefficient]; needs at least {@code width} frames, as librosa. */
    public static double[][] compute(double[][] data, int width, int order) {
        if (width < 3 || width % 2 == 0) {
            throw new IllegalArgumentException("delta width must be odd and >= 3: " + width);
        }
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("delta order must be 1 or 2: " + order);
        }
        if (data.length < width) {
            throw new IllegalArgumentException("delta needs at least width=" + width + " frames, got " + data.length);
        }
        int h = width / 2;
        double[] coef = new double[width];
        if (order == 1) {
            double norm = 0;
            for (int k = -h; k <= h; k++) {
                norm += k * k;
            }
            for (int k = -h; k <= h; k++) {
                coef[k + h] = k / norm;
            }
        } else {
            double meanSq = 0;
            for (int k = -h; k <= h; k++) {
                meanSq += k * k;
            }
            meanSq /= width;
            double norm = 0;
            for (int k = -h; k <= h; k++) {
                norm += (k * k - meanSq) * (k * k - meanSq);
            }
            for (int k = -h; k <= h; k++) {
                coef[k + h] = 2 * (k * k - meanSq) / norm;
            }
        }
        int frames = data.length;
        int dims = data[0].length;
        double[][] out = new double[frames][dims];
        for (int t = h; t < frames - h; t++) {
            for (int d = 0; d < dims; d++) {
                double acc = 0;
                for (int k = -h; k <= h; k++) {
                    acc += coef[k + h] * data[t + k][d];
                }
                out[t][d] = acc;
            }
        }
        for (int t = 0; t < h; t++) {
            out[t] = out[h].clone();
            out[frames - 1 - t] = out[frames - 1 - h].clone();
        }
        return out;
    }
}
