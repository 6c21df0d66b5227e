package com.podcastpersonalize.processor.audio.features;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SpectrumKernels} on the Java Vector API, in 4 double lanes (256 bits: AVX2 and up). Each lane does what
 * one iteration (or one of the interleaved running sums) of {@link ScalarKernels} does, with the same operations in
 * the same order (no fused multiply-add, no re-associated sum), so the results are the scalar ones bit for bit, except
 * where a logarithm is taken ({@link #decibels}, {@link #sumOfLogs}: the JDK's SIMD {@code LOG10} and {@code LOG} may
 * differ from {@code Math.log10} and {@code Math.log} by an ulp).
 * Only loaded once {@link KernelChoice} has found the module.
 */
final class VectorKernels implements SpectrumKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final int L = D.length();
    // lanes 0, 2, 4, 6 and 1, 3, 5, 7 of two vectors side by side (indexes ≥ L pick from the second vector)
    private static final VectorShuffle<Double> EVEN = VectorShuffle.fromValues(D, 0, 2, 4, 6);
    private static final VectorShuffle<Double> ODD = VectorShuffle.fromValues(D, 1, 3, 5, 7);
    private static final DoubleVector LANE_INDEX = DoubleVector.fromArray(D, new double[] {0, 1, 2, 3}, 0);

    VectorKernels() {
        if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() < D.vectorBitSize()) {
            // without 256-bit registers the API would run these vectors in its slow Java fallback
            throw new UnsupportedOperationException("the CPU has no " + D.vectorBitSize() + "-bit vectors");
        }
    }

    @Override
    public void packedPower(double[] x, double[] power) {
        int h = x.length / 2;
        power[0] = x[0] * x[0];
        power[h] = x[1] * x[1];
        int k = 1;
        for (; k + L <= h; k += L) {
            DoubleVector a = DoubleVector.fromArray(D, x, 2 * k);
            DoubleVector b = DoubleVector.fromArray(D, x, 2 * k + L);
            DoubleVector a2 = a.mul(a);
            DoubleVector b2 = b.mul(b);
            a2.rearrange(EVEN, b2).add(a2.rearrange(ODD, b2)).intoArray(power, k);
        }
        for (; k < h; k++) {
            power[k] = x[2 * k] * x[2 * k] + x[2 * k + 1] * x[2 * k + 1];
        }
    }

    @Override
    public void laneExtremes16(double[] row, int from, int whole, double[] laneMin, double[] laneMax) {
        // the 16 lanes as four vectors of 4, held in registers over the band
        DoubleVector min0 = DoubleVector.fromArray(D, laneMin, 0);
        DoubleVector min1 = DoubleVector.fromArray(D, laneMin, L);
        DoubleVector min2 = DoubleVector.fromArray(D, laneMin, 2 * L);
        DoubleVector min3 = DoubleVector.fromArray(D, laneMin, 3 * L);
        DoubleVector max0 = DoubleVector.fromArray(D, laneMax, 0);
        DoubleVector max1 = DoubleVector.fromArray(D, laneMax, L);
        DoubleVector max2 = DoubleVector.fromArray(D, laneMax, 2 * L);
        DoubleVector max3 = DoubleVector.fromArray(D, laneMax, 3 * L);
        for (int b = from; b < whole; b += CONTRAST_LANES) {
            DoubleVector v0 = DoubleVector.fromArray(D, row, b);
            DoubleVector v1 = DoubleVector.fromArray(D, row, b + L);
            DoubleVector v2 = DoubleVector.fromArray(D, row, b + 2 * L);
            DoubleVector v3 = DoubleVector.fromArray(D, row, b + 3 * L);
            min0 = min0.min(v0);
            min1 = min1.min(v1);
            min2 = min2.min(v2);
            min3 = min3.min(v3);
            max0 = max0.max(v0);
            max1 = max1.max(v1);
            max2 = max2.max(v2);
            max3 = max3.max(v3);
        }
        min0.intoArray(laneMin, 0);
        min1.intoArray(laneMin, L);
        min2.intoArray(laneMin, 2 * L);
        min3.intoArray(laneMin, 3 * L);
        max0.intoArray(laneMax, 0);
        max1.intoArray(laneMax, L);
        max2.intoArray(laneMax, 2 * L);
        max3.intoArray(laneMax, 3 * L);
    }

    @Override
    public void gatherCandidates(double[] row, int from, int end, double lowBound, double highBound, double[] low, double[] high, int[] counts) {
        int nLow = 0;
        int nHigh = 0;
        int i = from;
        for (; i + L <= end; i += L) {
            DoubleVector v = DoubleVector.fromArray(D, row, i);
            VectorMask<Double> isLow = v.compare(VectorOperators.LE, lowBound);
            VectorMask<Double> isHigh = v.compare(VectorOperators.GE, highBound);
            if (isLow.anyTrue()) {
                v.compress(isLow).intoArray(low, nLow); // the chosen lanes first, in order
                nLow += isLow.trueCount();
            }
            if (isHigh.anyTrue()) {
                v.compress(isHigh).intoArray(high, nHigh);
                nHigh += isHigh.trueCount();
            }
        }
        for (; i < end; i++) {
            double v = row[i];
            low[nLow] = v;
            nLow += v <= lowBound ? 1 : 0;
            high[nHigh] = v;
            nHigh += v >= highBound ? 1 : 0;
        }
        counts[0] = nLow;
        counts[1] = nHigh;
    }

    /** The 12 sums as three vectors of 4: per bin, the 12 weights times the bin's power, added lane by lane. */
    @Override
    public void chroma12(double[] s, double[] w, double[] acc) {
        DoubleVector a0 = DoubleVector.zero(D);
        DoubleVector a1 = DoubleVector.zero(D);
        DoubleVector a2 = DoubleVector.zero(D);
        for (int k = 0, b = 0; k < s.length; k++, b += 12) {
            DoubleVector v = DoubleVector.broadcast(D, s[k]);
            a0 = a0.add(DoubleVector.fromArray(D, w, b).mul(v));
            a1 = a1.add(DoubleVector.fromArray(D, w, b + L).mul(v));
            a2 = a2.add(DoubleVector.fromArray(D, w, b + 2 * L).mul(v));
        }
        a0.intoArray(acc, 0);
        a1.intoArray(acc, L);
        a2.intoArray(acc, 2 * L);
    }

    @Override
    public double clampAndSum(double[] s, double amin, double[] x) {
        DoubleVector sums = DoubleVector.zero(D); // lane c: the running sum of bins c mod 4
        int k = 0;
        for (; k + L <= s.length; k += L) {
            DoubleVector v = DoubleVector.fromArray(D, s, k).max(amin);
            v.intoArray(x, k);
            sums = sums.add(v);
        }
        double s0 = sums.lane(0);
        for (; k < s.length; k++) {
            x[k] = Math.max(amin, s[k]);
            s0 += x[k];
        }
        return (s0 + sums.lane(1)) + (sums.lane(2) + sums.lane(3));
    }

    @Override
    public double dot4(double[] a, double[] b, int n) {
        DoubleVector sums = DoubleVector.zero(D);
        int k = 0;
        for (; k + L <= n; k += L) {
            sums = sums.add(DoubleVector.fromArray(D, a, k).mul(DoubleVector.fromArray(D, b, k)));
        }
        double s0 = sums.lane(0);
        for (; k < n; k++) {
            s0 += a[k] * b[k];
        }
        return (s0 + sums.lane(1)) + (sums.lane(2) + sums.lane(3));
    }

    @Override
    public double absSum4(double[] s) {
        DoubleVector sums = DoubleVector.zero(D);
        int k = 0;
        for (; k + L <= s.length; k += L) {
            sums = sums.add(DoubleVector.fromArray(D, s, k).abs());
        }
        double s0 = sums.lane(0);
        for (; k < s.length; k++) {
            s0 += Math.abs(s[k]);
        }
        return (s0 + sums.lane(1)) + (sums.lane(2) + sums.lane(3));
    }

    @Override
    public double centredSquareDot4(double[] s, double[] f, double c) {
        DoubleVector sums = DoubleVector.zero(D);
        int k = 0;
        for (; k + L <= s.length; k += L) {
            DoubleVector d = DoubleVector.fromArray(D, f, k).sub(c);
            sums = sums.add(DoubleVector.fromArray(D, s, k).mul(d.mul(d)));
        }
        double s0 = sums.lane(0);
        for (; k < s.length; k++) {
            double d = f[k] - c;
            s0 += s[k] * (d * d);
        }
        return (s0 + sums.lane(1)) + (sums.lane(2) + sums.lane(3));
    }

    @Override
    public void normalisedDifference(double[] diff, double[] cumulative, int minLag, int maxLag, double[] cmnd) {
        int tau = minLag;
        for (; tau + L - 1 <= maxLag; tau += L) {
            DoubleVector lag = LANE_INDEX.add(tau); // τ .. τ+3, exact in double
            DoubleVector d = DoubleVector.fromArray(D, diff, tau).mul(lag);
            DoubleVector c = DoubleVector.fromArray(D, cumulative, tau).add(lag.mul(Double.MIN_NORMAL));
            d.div(c).intoArray(cmnd, tau - minLag);
        }
        for (; tau <= maxLag; tau++) {
            cmnd[tau - minLag] = diff[tau] * tau / (cumulative[tau] + tau * Double.MIN_NORMAL);
        }
    }

    /** The JDK's SIMD LOG10 (not Math.log10 bit for bit), then the scalar kernel's multiply and subtract per lane. */
    @Override
    public double decibels(double[] s, double amin, double refDb, double[] out) {
        DoubleVector maxima = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
        int k = 0;
        for (; k + L <= s.length; k += L) {
            DoubleVector v = DoubleVector.fromArray(D, s, k).max(amin).lanewise(VectorOperators.LOG10).mul(10.0).sub(refDb);
            v.intoArray(out, k);
            maxima = maxima.max(v);
        }
        return ScalarKernels.decibelsFrom(k, s, amin, refDb, out, maxima.reduceLanes(VectorOperators.MAX));
    }

    /** The logarithms on the lanes (the JDK's SIMD LOG, not Math.log bit for bit), then the scalar kernel's sum in order. */
    @Override
    public double sumOfLogs(double[] x, int n) {
        int i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector.fromArray(D, x, i).lanewise(VectorOperators.LOG).intoArray(x, i);
        }
        for (; i < n; i++) {
            x[i] = Math.log(x[i]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += x[j];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Vector API, " + L + " double lanes";
    }
}
