package com.podcastpersonalize.model;

/** Small dense-vector helpers shared by embeddings, profiles and ranking. */
public final class VectorMath {

    private VectorMath() {}

    public static void addScaled(float[] target, float[] vector, float scale) {
        for (int i = 0; i < target.length; i++) {
            target[i] += scale * vector[i];
        }
    }

    /** Scales to unit length; a zero vector stays zero. */
    public static void normalizeInPlace(float[] vector) {
        double norm = norm(vector);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / norm);
            }
        }
    }

    public static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different dimensions: " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        double denominator = norm(a) * norm(b);
        return denominator == 0 ? 0 : dot(a, b) / denominator;
    }
}
