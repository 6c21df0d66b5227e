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
        return cosine(vector, squaredNorm(vector));
    }

    /**
     * Cosine between this sum and {@code vector}, whose squared norm the caller computed once (an event's
     * vector is compared with every interest); 0 when either is zero.
     */
    public double cosine(float[] vector, double vectorSquaredNorm) {
        // four independent partial sums: each sum of 384 terms is a chain of dependent additions otherwise
        double dot0 = 0, dot1 = 0, dot2 = 0, dot3 = 0, a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int i = 0;
        for (int end = sum.length & ~3; i < end; i += 4) {
            dot0 += sum[i] * vector[i];
            dot1 += sum[i + 1] * vector[i + 1];
            dot2 += sum[i + 2] * vector[i + 2];
            dot3 += sum[i + 3] * vector[i + 3];
            a0 += sum[i] * sum[i];
            a1 += sum[i + 1] * sum[i + 1];
            a2 += sum[i + 2] * sum[i + 2];
            a3 += sum[i + 3] * sum[i + 3];
        }
        for (; i < sum.length; i++) {
            dot0 += sum[i] * vector[i];
            a0 += sum[i] * sum[i];
        }
        double a = (a0 + a1) + (a2 + a3);
        return a == 0 || vectorSquaredNorm == 0 ? 0 : ((dot0 + dot1) + (dot2 + dot3)) / Math.sqrt(a * vectorSquaredNorm);
    }

    public double cosine(DecayedVector other) {
        double[] o = other.sum;
        double dot0 = 0, dot1 = 0, a0 = 0, a1 = 0, b0 = 0, b1 = 0;
        int i = 0;
        for (int end = sum.length & ~1; i < end; i += 2) {
            dot0 += sum[i] * o[i];
            dot1 += sum[i + 1] * o[i + 1];
            a0 += sum[i] * sum[i];
            a1 += sum[i + 1] * sum[i + 1];
            b0 += o[i] * o[i];
            b1 += o[i + 1] * o[i + 1];
        }
        for (; i < sum.length; i++) {
            dot0 += sum[i] * o[i];
            a0 += sum[i] * sum[i];
            b0 += o[i] * o[i];
        }
        double a = a0 + a1, b = b0 + b1;
        return a == 0 || b == 0 ? 0 : (dot0 + dot1) / Math.sqrt(a * b);
    }

    /** {@code Σ vᵢ²} in double, in the partial sums {@link #cosine(float[], double)} expects. */
    public static double squaredNorm(float[] vector) {
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        int i = 0;
        for (int end = vector.length & ~3; i < end; i += 4) {
            b0 += (double) vector[i] * vector[i];
            b1 += (double) vector[i + 1] * vector[i + 1];
            b2 += (double) vector[i + 2] * vector[i + 2];
            b3 += (double) vector[i + 3] * vector[i + 3];
        }
        for (; i < vector.length; i++) {
            b0 += (double) vector[i] * vector[i];
        }
        return (b0 + b1) + (b2 + b3);
    }
}
