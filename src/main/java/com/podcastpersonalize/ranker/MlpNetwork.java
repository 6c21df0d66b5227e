package com.podcastpersonalize.ranker;

import java.util.Arrays;

/**
 * One hidden layer of ReLU units and a linear output: {@code outputBias + outputWeights · relu(hiddenBias + hiddenWeights x)}.
 * {@code hiddenWeights[j]} holds hidden unit j's weights over the inputs (DJL's Linear layout: units × inputs).
 */
public record MlpNetwork(float[][] hiddenWeights, float[] hiddenBias, float[] outputWeights, float outputBias) implements ScoringNetwork {

    public MlpNetwork {
        if (hiddenWeights.length == 0 || hiddenBias.length != hiddenWeights.length || outputWeights.length != hiddenWeights.length) {
            throw new IllegalArgumentException(
                "inconsistent MLP: " + hiddenWeights.length + " hidden weight rows, " + hiddenBias.length + " hidden biases, " + outputWeights.length
                    + " output weights"
            );
        }
        int inputs = hiddenWeights[0].length;
        float[][] copy = new float[hiddenWeights.length][];
        for (int j = 0; j < hiddenWeights.length; j++) {
            if (hiddenWeights[j].length != inputs) {
                throw new IllegalArgumentException("hidden unit " + j + " has " + hiddenWeights[j].length + " weights, expected " + inputs);
            }
            copy[j] = hiddenWeights[j].clone();
        }
        hiddenWeights = copy;
        hiddenBias = hiddenBias.clone();
        outputWeights = outputWeights.clone();
    }

    @Override
    public double logit(double[] standardized) {
        double sum = outputBias;
        for (int j = 0; j < hiddenWeights.length; j++) {
            float[] unit = hiddenWeights[j];
            double activation = hiddenBias[j];
            for (int i = 0; i < unit.length; i++) {
                activation += unit[i] * standardized[i];
            }
            sum += outputWeights[j] * Math.max(activation, 0); // ReLU without a branch: half the units are off, unpredictably
        }
        return sum;
    }

    @Override
    public int inputCount() {
        return hiddenWeights[0].length;
    }

    public int hiddenUnits() {
        return hiddenWeights.length;
    }

    @Override
    public ModelType type() {
        return ModelType.MLP;
    }

    @Override
    public float[][] hiddenWeights() {
        float[][] copy = new float[hiddenWeights.length][];
        for (int j = 0; j < hiddenWeights.length; j++) {
            copy[j] = hiddenWeights[j].clone();
        }
        return copy;
    }

    @Override
    public float[] hiddenBias() {
        return hiddenBias.clone();
    }

    @Override
    public float[] outputWeights() {
        return outputWeights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MlpNetwork that
            && outputBias == that.outputBias
            && Arrays.deepEquals(hiddenWeights, that.hiddenWeights)
            && Arrays.equals(hiddenBias, that.hiddenBias)
            && Arrays.equals(outputWeights, that.outputWeights);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(hiddenWeights) * 31 * 31 + Arrays.hashCode(hiddenBias) * 31 + Arrays.hashCode(outputWeights) + Float.hashCode(outputBias);
    }

    @Override
    public String toString() {
        return "MlpNetwork[" + hiddenWeights.length + " hidden units over " + inputCount() + " inputs]";
    }
}
