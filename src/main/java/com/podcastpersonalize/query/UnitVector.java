package com.podcastpersonalize.query;

import org.apache.lucene.util.VectorUtil;

/**
 * A target of cosine similarity (the query vector, an interest), scaled to unit length once, so
 * that its cosine to an episode vector costs one dot product (Lucene's SIMD {@link VectorUtil})
 * given the episode vector's norm, computed once per episode for all targets.
 */
public final class UnitVector {

    /** null for a zero vector, whose cosine to anything is 0 */
    private final float[] unit;

    private UnitVector(float[] unit) {
        this.unit = unit;
    }

    public static UnitVector of(float[] vector) {
        float norm = norm(vector);
        if (norm == 0) {
            return new UnitVector(null);
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return new UnitVector(unit);
    }

    /** Euclidean length of {@code vector}. */
    public static float norm(float[] vector) {
        return (float) Math.sqrt(VectorUtil.dotProduct(vector, vector));
    }

    /** Cosine of {@code vector}, whose length is {@code norm}, to this target; 0 when either is zero. */
    public float cosine(float[] vector, float norm) {
        if (unit == null || norm == 0) {
            return 0f;
        }
        if (vector.length != unit.length) {
            throw new IllegalArgumentException("vectors of different dimensions: " + vector.length + " and " + unit.length);
        }
        return VectorUtil.dotProduct(vector, unit) / norm;
    }
}
