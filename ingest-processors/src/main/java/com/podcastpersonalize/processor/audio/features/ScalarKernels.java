package com.podcastpersonalize.processor.audio.features;

/** {@link SpectrumKernels} as plain loops, for JVMs without the Vector API module; the reference of the vector ones. */
final class ScalarKernels implements SpectrumKernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override
    public void packedPower(double[] x, double[] power) {
        int h = x.length / 2;
        power[0] = x[0] * x[0];
        power[h] = x[1] * x[1];
        for (int k = 1; k < h; k++) {
            power[k] = x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
        }
    }

    @Override
    public void laneExtremes16(double[] row, int from, int whole, double[] laneMin, double[] laneMax) {
        for (int b = from; b < whole; b += CONTRAST_LANES) {
            for (int c = 0; c < CONTRAST_LANES; c++) { // a constant lane count, which the JIT can unroll fully
                laneMin[c] = Math.min(laneMin[c], row[b + c]);
                laneMax[c] = Math.max(laneMax[c], row[b + c]);
            }
        }
    }

    @Override
    public void gatherCandidates(double[] row, int from, int end, double lowBound, double highBound, double[] low, double[] high, int[] counts) {
        // without branches: each value written, the count advanced only for a candidate
        int nLow = 0;
        int nHigh = 0;
        for (int i = from; i < end; i++) {
            double v = row[i];
            low[nLow] = v;
            nLow += v <= lowBound ? 1 : 0;
            high[nHigh] = v;
            nHigh += v >= highBound ? 1 : 0;
        }
        counts[0] = nLow;
        counts[1] = nHigh;
    }

    /** The sums held in 12 locals, which the JIT keeps in registers. */
    @Override
    public void chroma12(double[] s, double[] w, double[] acc) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0;
        for (int k = 0, b = 0; k < s.length; k++, b += 12) {
            double v = s[k];
            a0 += w[b] * v;
            a1 += w[b + 1] * v;
            a2 += w[b + 2] * v;
            a3 += w[b + 3] * v;
            a4 += w[b + 4] * v;
            a5 += w[b + 5] * v;
            a6 += w[b + 6] * v;
            a7 += w[b + 7] * v;
            a8 += w[b + 8] * v;
            a9 += w[b + 9] * v;
            a10 += w[b + 10] * v;
            a11 += w[b + 11] * v;
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        acc[4] = a4;
        acc[5] = a5;
        acc[6] = a6;
        acc[7] = a7;
        acc[8] = a8;
        acc[9] = a9;
        acc[10] = a10;
        acc[11] = a11;
    }

    @Override
    public double clampAndSum(double[] s, double amin, double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < s.length; k += 4) {
            x[k] = Math.max(amin, s[k]);
            x[k + 1] = Math.max(amin, s[k + 1]);
            x[k + 2] = Math.max(amin, s[k + 2]);
            x[k + 3] = Math.max(amin, s[k + 3]);
            s0 += x[k];
            s1 += x[k + 1];
            s2 += x[k + 2];
            s3 += x[k + 3];
        }
        for (; k < s.length; k++) {
            x[k] = Math.max(amin, s[k]);
            s0 += x[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double dot4(double[] a, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[k] * b[k];
            s1 += a[k + 1] * b[k + 1];
            s2 += a[k + 2] * b[k + 2];
            s3 += a[k + 3] * b[k + 3];
        }
        for (; k < n; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double absSum4(double[] s) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < s.length; k += 4) {
            s0 += Math.abs(s[k]);
            s1 += Math.abs(s[k + 1]);
            s2 += Math.abs(s[k + 2]);
            s3 += Math.abs(s[k + 3]);
        }
        for (; k < s.length; k++) {
            s0 += Math.abs(s[k]);
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double centredSquareDot4(double[] s, double[] f, double c) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < s.length; k += 4) {
            double d0 = f[k] - c;
            double d1 = f[k + 1] - c;
            double d2 = f[k + 2] - c;
            double d3 = f[k + 3] - c;
            s0 += s[k] * (d0 * d0);
            s1 += s[k + 1] * (d1 * d1);
            s2 += s[k + 2] * (d2 * d2);
            s3 += s[k + 3] * (d3 * d3);
        }
        for (; k < s.length; k++) {
            double d = f[k] - c;
            s0 += s[k] * (d * d);
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void normalisedDifference(double[] diff, double[] cumulative, int minLag, int maxLag, double[] cmnd) {
        for (int tau = minLag; tau <= maxLag; tau++) {
            cmnd[tau - minLag] = diff[tau] * tau / (cumulative[tau] + tau * Double.MIN_NORMAL);
        }
    }

    @Override
    public double decibels(double[] s, double amin, double refDb, double[] out) {
        return decibelsFrom(0, s, amin, refDb, out, Double.NEGATIVE_INFINITY);
    }

    /** {@link #decibels} for the bins from {@code from} on, with the largest value so far; also the vector kernel's tail. */
    static double decibelsFrom(int from, double[] s, double amin, double refDb, double[] out, double maxSoFar) {
        double max = maxSoFar;
        for (int k = from; k < s.length; k++) {
            double v = 10.0 * Math.log10(Math.max(amin, s[k])) - refDb;
            out[k] = v;
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public double sumOfLogs(double[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(x[i]);
            sum += x[i];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "scalar";
    }
}
