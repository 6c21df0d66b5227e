package com.podcastpersonalize.processor.audio;

import java.util.Locale;

/**
 * Comparison of our arrays with librosa's: the {@code numpy.allclose} rule |a - b| ≤ atol + rtol·|b|, and the
 * max abs / max rel differences, printed as "PARITY ..." lines so that the figures end up in the test output.
 */
public final class Parity {

    public record Result(String name, double maxAbs, double maxRel, int violations, int count) {
        public String describe() {
            return String.format(Locale.ROOT, "PARITY %-42s max|diff| %.3e  max rel %.3e  outside tolerance %d/%d", name, maxAbs, maxRel, violations, count);
        }
    }

    private Parity() {}

    public static Result compare(String name, double[] ours, double[] ref, double rtol, double atol) {
        if (ours.length != ref.length) {
            throw new AssertionError(name + ": length " + ours.length + " vs librosa " + ref.length);
        }
        double maxAbs = 0;
        double maxRel = 0;
        int bad = 0;
        for (int i = 0; i < ours.length; i++) {
            double d = Math.abs(ours[i] - ref[i]);
            if (Double.isNaN(ours[i]) != Double.isNaN(ref[i])) {
                bad++;
                continue;
            }
            if (Double.isNaN(d)) {
                continue;
            }
            maxAbs = Math.max(maxAbs, d);
            if (ref[i] != 0) {
                maxRel = Math.max(maxRel, d / Math.abs(ref[i]));
            }
            if (d > atol + rtol * Math.abs(ref[i])) {
                bad++;
            }
        }
        Result r = new Result(name, maxAbs, maxRel, bad, ours.length);
        System.out.println(r.describe());
        return r;
    }

    /** Ours [frame][k] against librosa's [k][frame] (flattened C order). */
    public static Result compareTransposed(String name, double[][] ours, Npy ref, double rtol, double atol) {
        int rows = ref.shape()[0];
        int cols = ref.shape()[1];
        if (ours.length != cols || (cols > 0 && ours[0].length != rows)) {
            throw new AssertionError(name + ": shape [" + ours.length + "][" + (ours.length > 0 ? ours[0].length : 0) + "] vs librosa (" + rows + ", " + cols + ")");
        }
        double[] flat = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                flat[r * cols + c] = ours[c][r];
            }
        }
        return compare(name, flat, ref.data(), rtol, atol);
    }

    public static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
