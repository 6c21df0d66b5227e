package com.podcastpersonalize.processor.audio.decode;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SincResampler}'s integer decimation on the Vector API: the split of the input into its phases and the
 * symmetric filter, in float. Only loaded once {@link SincResampler} has found the {@code jdk.incubator.vector}
 * module (see {@link SincResampler#LANES}); a JVM without it never touches this class.
 *
 * <p>Each lane computes one output, the 33 tap pairs in its own register from the outermost (smallest
 * coefficients) inwards and the centre tap last, so that the large terms are added to an accumulator that the
 * small ones have already settled: within one float rounding of the double sum (largest difference 6·10⁻⁸ on
 * outputs up to 0.6). Four vectors of outputs are summed side by side so that the fused multiply-adds of one
 * vector do not wait on each other. As every output is summed on its own in the same order, the results do not
 * depend on the lane count, and outputs past the last whole vector (summed by {@link Math#fma}, the same
 * rounding) equal what a lane would give: the CPU's widest vectors can be used (16 floats on AVX-512).
 */
final class LaneDecimation {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(SPECIES, k -> 2 * k);
    private static final VectorShuffle<Float> ODDS = VectorShuffle.fromOp(SPECIES, k -> 2 * k + 1);

    private LaneDecimation() {}

    /** Floats per vector on this CPU. */
    static int lanes() {
        return L;
    }

    /**
     * even[m] = x[first + 2m], odd[m] = x[first + 2m + 1] for the {@code span} samples from {@code first}: two
     * vectors of consecutive samples, their even and odd lanes gathered by one two-vector shuffle each.
     */
    static void splitInTwo(float[] x, int first, int span, float[] even, float[] odd) {
        int v = 0;
        int m = 0;
        for (; v + 2 * L <= span; v += 2 * L, m += L) {
            FloatVector a = FloatVector.fromArray(SPECIES, x, first + v);
            FloatVector b = FloatVector.fromArray(SPECIES, x, first + v + L);
            a.rearrange(EVENS, b).intoArray(even, m);
            a.rearrange(ODDS, b).intoArray(odd, m);
        }
        for (; v < span; v += 2, m++) {
            even[m] = x[first + v];
            if (v + 1 < span) {
                odd[m] = x[first + v + 1];
            }
        }
    }

    /**
     * out[off + i] = Σ_{d = half..1} h_d·(above_d[aboveAt_d + i] + below_d[belowAt_d + i]) + h₀·above₀[aboveAt₀ + i]
     * for i &lt; n, summed in that order (d falling, the centre last), each term by one fused multiply-add.
     */
    static void filter(float[][] above, int[] aboveAt, float[][] below, int[] belowAt, float[] h, int n, float[] out, int off) {
        int half = h.length - 1;
        float[] centre = above[0];
        int centreAt = aboveAt[0];
        FloatVector h0 = FloatVector.broadcast(SPECIES, h[0]);
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int d = half; d >= 1; d--) {
                float[] up = above[d];
                float[] dn = below[d];
                int u = aboveAt[d] + i;
                int w = belowAt[d] + i;
                FloatVector hd = FloatVector.broadcast(SPECIES, h[d]);
                a0 = FloatVector.fromArray(SPECIES, up, u).add(FloatVector.fromArray(SPECIES, dn, w)).fma(hd, a0);
                a1 = FloatVector.fromArray(SPECIES, up, u + L).add(FloatVector.fromArray(SPECIES, dn, w + L)).fma(hd, a1);
                a2 = FloatVector.fromArray(SPECIES, up, u + 2 * L).add(FloatVector.fromArray(SPECIES, dn, w + 2 * L)).fma(hd, a2);
                a3 = FloatVector.fromArray(SPECIES, up, u + 3 * L).add(FloatVector.fromArray(SPECIES, dn, w + 3 * L)).fma(hd, a3);
            }
            int c = centreAt + i;
            FloatVector.fromArray(SPECIES, centre, c).fma(h0, a0).intoArray(out, off + i);
            FloatVector.fromArray(SPECIES, centre, c + L).fma(h0, a1).intoArray(out, off + i + L);
            FloatVector.fromArray(SPECIES, centre, c + 2 * L).fma(h0, a2).intoArray(out, off + i + 2 * L);
            FloatVector.fromArray(SPECIES, centre, c + 3 * L).fma(h0, a3).intoArray(out, off + i + 3 * L);
        }
        for (; i + L <= n; i += L) {
            FloatVector a = FloatVector.zero(SPECIES);
            for (int d = half; d >= 1; d--) {
                FloatVector s = FloatVector.fromArray(SPECIES, above[d], aboveAt[d] + i).add(FloatVector.fromArray(SPECIES, below[d], belowAt[d] + i));
                a = s.fma(FloatVector.broadcast(SPECIES, h[d]), a);
            }
            FloatVector.fromArray(SPECIES, centre, centreAt + i).fma(h0, a).intoArray(out, off + i);
        }
        for (; i < n; i++) {
            float a = 0;
            for (int d = half; d >= 1; d--) {
                a = Math.fma(above[d][aboveAt[d] + i] + below[d][belowAt[d] + i], h[d], a);
            }
            out[off + i] = Math.fma(centre[centreAt + i], h[0], a);
        }
    }
}
