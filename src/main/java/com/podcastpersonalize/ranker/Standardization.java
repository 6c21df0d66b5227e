package com.podcastpersonalize.ranker;

import java.util.Arrays;
import java.util.List;

/**
 * Per-feature standardization with the training rows' statistics: {@code (x - mean) * scale}, where
 * scale is 1 / standard deviation. A feature that was constant in training gets scale 0, so it never
 * contributes: its weight was never trained and must not act on other values at query time.
 */
public record Standardization(double[] means, double[] scales) {

    public Standardization {
        if (means.length != scales.length) {
            throw new IllegalArgumentException("standardization has " + means.length + " means and " + scales.length + " scales");
        }
        means = means.clone();
        scales = scales.clone();
    }

    /** Means and scales of the given rows (population standard deviation). */
    public static Standardization fit(List<TrainingRow> rows, int featureCount) {
        double[] means = new double[featureCount];
        double[] sumsOfSquares = new double[featureCount];
        long n = 0;
        for (TrainingRow row : rows) { // Welford: stable for large counts and large values
            n++;
            for (int i = 0; i < featureCount; i++) {
                double delta = row.feature(i) - means[i];
                means[i] += delta / n;
                sumsOfSquares[i] += delta * (row.feature(i) - means[i]);
            }
        }
        double[] scales = new double[featureCount];
        for (int i = 0; i < featureCount; i++) {
            double std = n == 0 ? 0 : Math.sqrt(sumsOfSquares[i] / n);
            scales[i] = std > 1e-12 * Math.max(1, Math.abs(means[i])) ? 1 / std : 0;
        }
        return new Standardization(means, scales);
    }

    public int size() {
        return means.length;
    }

    public double mean(int feature) {
        return means[feature];
    }

    public double scale(int feature) {
        return scales[feature];
    }

    /** Standardized value of feature {@code i}; a non-finite value counts as the training mean. */
    public double apply(int feature, float value) {
        double standardized = (value - means[feature]) * scales[feature];
        return Double.isFinite(standardized) ? standardized : 0;
    }

    /** The standardized row as float32, the precision the network trains in. */
    public float[] applyAsFloats(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) apply(i, values[i]);
        }
        return out;
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standardization that && Arrays.equals(means, that.means) && Arrays.equals(scales, that.scales);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return "Standardization[means=" + Arrays.toString(means) + ", scales=" + Arrays.toString(scales) + "]";
    }
}
