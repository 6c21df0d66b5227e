package com.podcastpersonalize.sequence;

import java.util.List;

/**
 * The trained next-interest network as plain arrays, for serving: one forward pass in Java for one
 * listener (about half a million multiply-adds at 384 dimensions, window 10 and 64 units: well under a
 * millisecond), with no native memory, no engine and nothing to close. Computes exactly what
 * {@link NextInterestNetwork} computes on PyTorch: a linear projection of each item vector, a one-layer
 * GRU over the left-padded window (PyTorch's gate order and equations: reset, update, new), a linear
 * map of its last state back to the item space, scaled to unit length ({@link #direction}); served
 * {@link Recentering recentered} onto the episodes' cone ({@link #predict}). Immutable and shared.
 *
 * @param version     when it was trained (epoch ms), 0 before it was stored
 * @param window      items read, the latest ones
 * @param recentering of the catalogue it was trained on
 */
public record NextInterestModel(long version, int window, int dimension, int inputUnits, int hiddenUnits, Weights weights, Recentering recentering) {

    /**
     * Row-major weights as PyTorch holds them: {@code inputWeight} is {@code inputUnits × dimension};
     * {@code gruInputWeight} {@code 3·hidden × inputUnits} and {@code gruStateWeight} {@code 3·hidden × hidden},
     * each in gate order reset, update, new; {@code outputWeight} {@code dimension × hidden}.
     */
    public record Weights(
        float[] inputWeight,
        float[] inputBias,
        float[] gruInputWeight,
        float[] gruInputBias,
        float[] gruStateWeight,
        float[] gruStateBias,
        float[] outputWeight,
        float[] outputBias
    ) {}

    public NextInterestModel {
        if (window < 1 || dimension < 1 || inputUnits < 1 || hiddenUnits < 1) {
            throw new IllegalArgumentException("window, dimension and units must be at least 1");
        }
        int gates = 3 * hiddenUnits;
        requireLength("input_weight", weights.inputWeight(), inputUnits * dimension);
        requireLength("input_bias", weights.inputBias(), inputUnits);
        requireLength("gru_input_weight", weights.gruInputWeight(), gates * inputUnits);
        requireLength("gru_input_bias", weights.gruInputBias(), gates);
        requireLength("gru_state_weight", weights.gruStateWeight(), gates * hiddenUnits);
        requireLength("gru_state_bias", weights.gruStateBias(), gates);
        requireLength("output_weight", weights.outputWeight(), dimension * hiddenUnits);
        requireLength("output_bias", weights.outputBias(), dimension);
        requireLength("center", recentering.center(), dimension);
    }

    private static void requireLength(String name, float[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException("[" + name + "] must hold " + expected + " numbers, got " + (values == null ? "none" : values.length));
        }
    }

    public NextInterestModel withVersion(long value) {
        return new NextInterestModel(value, window, dimension, inputUnits, hiddenUnits, weights, recentering);
    }

    /** The interest vector served after {@code history}: the {@link #direction}, {@link Recentering recentered}; null as it. */
    public float[] predict(List<float[]> history) {
        float[] direction = direction(history);
        return direction == null ? null : recentering.apply(direction);
    }

    /**
     * The network's predicted next-interest direction (unit length) after {@code history}: item vectors,
     * oldest first, each of {@link #dimension} numbers (scaled to unit length here, as in training);
     * only the latest {@link #window} are read. Null when the history is empty or the prediction is zero.
     */
    public float[] direction(List<float[]> history) {
        if (history.isEmpty()) {
            return null;
        }
        int used = Math.min(window, history.size());
        float[] state = new float[hiddenUnits];
        float[] projected = new float[inputUnits];
        float[] zero = new float[dimension];
        for (int step = 0; step < window; step++) {
            int item = step - (window - used); // left padding: zero vectors first
            float[] input = item < 0 ? zero : unit(history.get(history.size() - used + item));
            affine(weights.inputWeight(), weights.inputBias(), input, projected);
            state = gruStep(projected, state);
        }
        float[] out = new float[dimension];
        affine(weights.outputWeight(), weights.outputBias(), state, out);
        double norm = 0;
        for (float x : out) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0 || !Double.isFinite(norm)) {
            return null;
        }
        float scale = (float) (1 / (norm + 1e-8)); // as NextInterestNetwork#unitRows
        for (int i = 0; i < dimension; i++) {
            out[i] *= scale;
        }
        return out;
    }

    private float[] unit(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("an item vector has " + vector.length + " dimensions, the model reads " + dimension);
        }
        double norm = 0;
        for (float x : vector) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[dimension];
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    /** PyTorch's GRU cell: r = σ(W_ir x + b_ir + W_hr h + b_hr), z likewise, n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h. */
    private float[] gruStep(float[] x, float[] h) {
        int hidden = hiddenUnits;
        float[] fromInput = new float[3 * hidden];
        float[] fromState = new float[3 * hidden];
        affine(weights.gruInputWeight(), weights.gruInputBias(), x, fromInput);
        affine(weights.gruStateWeight(), weights.gruStateBias(), h, fromState);
        float[] next = new float[hidden];
        for (int j = 0; j < hidden; j++) {
            double reset = sigmoid(fromInput[j] + fromState[j]);
            double update = sigmoid(fromInput[hidden + j] + fromState[hidden + j]);
            double candidate = Math.tanh(fromInput[2 * hidden + j] + reset * fromState[2 * hidden + j]);
            next[j] = (float) ((1 - update) * candidate + update * h[j]);
        }
        return next;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** {@code out = W · in + b}, {@code W} row-major {@code out.length × in.length}. */
    private static void affine(float[] w, float[] b, float[] in, float[] out) {
        int columns = in.length;
        for (int row = 0; row < out.length; row++) {
            float sum = b[row];
            int offset = row * columns;
            for (int c = 0; c < columns; c++) {
                sum += w[offset + c] * in[c];
            }
            out[row] = sum;
        }
    }
}
