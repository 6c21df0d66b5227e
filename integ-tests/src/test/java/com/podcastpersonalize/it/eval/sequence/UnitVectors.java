package com.podcastpersonalize.it.eval.sequence;

/** Small vector helpers: length, unit scaling, cosine, and the unit sum of two directions. */
public final class UnitVectors {

    private UnitVectors() {}

    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    /** A unit-length copy, or null when {@code v} is zero. */
    public static float[] normalized(float[] v) {
        double norm = norm(v);
        if (norm == 0) {
            return null;
        }
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = (float) (v[i] / norm);
        }
        return unit;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    /** The unit direction halfway between two directions (each first scaled to unit length); either may be null. */
    public static float[] blend(float[] a, float[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? null : normalized(b)) : normalized(a);
        }
        float[] ua = normalized(a), ub = normalized(b);
        if (ua == null || ub == null) {
            return ua == null ? ub : ua;
        }
        float[] sum = new float[ua.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = ua[i] + ub[i];
        }
        return normalized(sum);
    }
}
