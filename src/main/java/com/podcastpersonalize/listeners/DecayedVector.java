package com.podcastpersonalize.listeners;

import com.podcastpersonalize.model.VectorMath;

/**
 * A decayed weighted sum of vectors, {@code Σ wᵢ·dᵢ·vᵢ}, and the decayed sum of its positive
 * weights ({@code mass}). Its direction is the interest; its mass how much listening backs it.
 */
public final class DecayedVector {

    private final double[] sum;
    private double mass;

    public DecayedVector(int dimension) {
        this(new double[dimension], 0);
    }

    public DecayedVector(double[] sum, double mass) {
        this.sum = sum;
        this.mass = mass;
    }

    public int dimension() {
        return sum.length;
    }

    public double mass() {
        return mass;
    }

    public double[] sum() {
        return sum;
    }

    /** Adds {@code weight · vector}; a positive weight also adds to the mass. */
    public void add(float[] vector, double weight) {
        if (vector.length != sum.length) {
            throw new IllegalArgumentException("vector of dimension " + vector.length + " added to an interest of dimension " + sum.length);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += weight * vector[i];
        }
        if (weight > 0) {
            mass += weight;
        }
    }

    public void add(DecayedVector other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.sum[i];
        }
        mass += other.mass;
    }

    public void scale(double factor) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= factor;
        }
        mass *= factor;
    }

    /** The unit-length direction, or null when the sum is zero. */
    public float[] direction() {
        float[] direction = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            direction[i] = (float) sum[i];
        }
        if (VectorMath.norm(direction) == 0) {
            return null;
        }
        VectorMath.normalizeInPlace(direction);
        return direction;
    }

    /** Cosine between this sum and {@code vector}; 0 when either is zero. */
    public double cosine(float[] vector) {
        double dot = 0, a = 0, b = 0;
        for (int i = 0; i < sum.length; i++) {
            dot += sum[i] * vector[i];
            a += sum[i] * sum[i];
            b += (double) vector[i] * vector[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }

    public double cosine(DecayedVector other) {
        double dot = 0, a = 0, b = 0;
        for (int i = 0; i < sum.length; i++) {
            dot += sum[i] * other.sum[i];
            a += sum[i] * sum[i];
            b += other.sum[i] * other.sum[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }
}
