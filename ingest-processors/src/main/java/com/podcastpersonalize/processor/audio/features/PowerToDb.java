package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80.0)}: 10·log10(max(amin, S)) -
 * 10·log10(max(amin, ref)), then floored at (maximum over the whole array - top_db). The logarithms are taken by
 * {@link SpectrumKernels#decibels} (on SIMD lanes with the Vector API, to an ulp of {@code Math.log10}).
 */
public final class PowerToDb {

    public static final double AMIN = 1e-10;
    public static final double TOP_DB = 80.0;

    private PowerToDb() {}

    public static double[][] compute(double[][] s) {
        return compute(s, SpectrumKernels.best());
    }

    /** With librosa's defaults and the logarithms taken by {@code kernels}. */
    public static double[][] compute(double[][] s, SpectrumKernels kernels) {
        return compute(s, 1.0, AMIN, TOP_DB, kernels);
    }

    /** {@code topDb} ≤ 0 or NaN disables the floor (librosa's top_db=None). */
    public static double[][] compute(double[][] s, double ref, double amin, double topDb) {
        return compute(s, ref, amin, topDb, SpectrumKernels.best());
    }

    public static double[][] compute(double[][] s, double ref, double amin, double topDb, SpectrumKernels kernels) {
        double refDb = 10.0 * Math.log10(Math.max(amin, ref));
        double max = Double.NEGATIVE_INFINITY;
        double[][] out = new double[s.length][];
        for (int t = 0; t < s.length; t++) {
            out[t] = new double[s[t].length];
            max = Math.max(max, kernels.decibels(s[t], amin, refDb, out[t]));
        }
        if (topDb > 0) {
            double floor = max - topDb;
            for (double[] row : out) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = Math.max(row[k], floor);
                }
            }
        }
        return out;
    }
}
