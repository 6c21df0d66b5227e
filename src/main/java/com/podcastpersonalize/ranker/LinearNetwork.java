package com.podcastpersonalize.ranker;

import java.util.Arrays;

/** Logistic regression: {@code bias + weights · x} over standardized features. */
public record LinearNetwork(float[] weights, float bias) implements ScoringNetwork {

    public LinearNetwork {
        weights = weights.clone();
    }

    @Override
    public double logit(double[] standardized) {
        double sum = bias;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * standardized[i];
        }
        return sum;
    }

    @Override
    public int inputCount() {
        return weights.length;
    }

    @Override
    public ModelType type() {
        return ModelType.LOGISTIC;
    }

    public float weight(int feature) {
        return weights[feature];
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearNetwork that && bias == that.bias && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Float.hashCode(bias);
    }

    @Override
    public String toString() {
        return "LinearNetwork[weights=" + Arrays.toString(weights) + ", bias=" + bias + "]";
    }
}
