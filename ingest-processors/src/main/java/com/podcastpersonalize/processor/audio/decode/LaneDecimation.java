package com.podcastpersonalize.processor.audio.decode;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SincResampler}'s decimation by 2 (44.1 kHz → 22.05 kHz) on the Vector API: the split of the input into
 * its even and odd samples and the symmetric filter, in float. Only loaded once {@link SincResampler} has found
 * the {@code jdk.incubator.vector} module (see {@link SincResampler#LANES}); a JVM without it never touches this
 * class.
 *
 * <p>Each lane computes one output, the 33 tap pairs in its own register from the outermost (smallest
 * coefficients) inwards and the centre tap last, so that the large terms come last, onto a sum the small ones
 * have already settled: within one float rounding of the double sum (largest difference 6·10⁻⁸ on outputs up
 * to 0.93 over the benchmark episode). Four vectors of outputs are summed side by side so that the fused
 * multiply-adds of one vector do not wait on each other. As every output is summed on its own in the same order,
 * the results do not depend on the lane count, and outputs past the last whole vector (summed by
 * {@link Math#fma}, the same rounding) equal what a lane would give: the CPU's widest vectors can be used (16
 * floats on AVX-512).
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
     * Halving the rate: out[off + i] = Σ_{d = half..1} h_d·(x[c + d] + x[c − d]) + h₀·x[c], c the centre of output
     * i, summed in that order (d falling, the centre last), each term by one fused multiply-add; x given by its
     * phases (even and odd samples from the block's first sample, which lies half samples before output 0's
     * centre). With half = 2K + 1 odd the centre is odd[K + i], the pair d = 2k + 1 is even[K + 1 + k + i] and
     * even[K − k + i], the pair d = 2k is odd[K + k + i] and odd[K − k + i]: indices that move by one with k, so
     * that the JIT can check the array bounds once per loop rather than per load.
     */
    static void halve(float[] even, float[] odd, float[] h, int n, float[] out, int off) {
        int half = h.length - 1;
        if (half % 2 != 1) {
            throw new IllegalArgumentException("the taps each side of the centre must be odd in number: " + half);
        }
        int k0 = half / 2;
        int i = 0;
        for (; i + 4 * L <= n; i += 4 * L) {
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int k = k0; k >= 0; k--) {
                int u = k0 + 1 + k + i; // d = 2k + 1
                int w = k0 - k + i;
                FloatVector hd = FloatVector.broadcast(SPECIES, h[2 * k + 1]);
                a0 = FloatVector.fromArray(SPECIES, even, u).add(FloatVector.fromArray(SPECIES, even, w)).fma(hd, a0);
                a1 = FloatVector.fromArray(SPECIES, even, u + L).add(FloatVector.fromArray(SPECIES, even, w + L)).fma(hd, a1);
                a2 = FloatVector.fromArray(SPECIES, even, u + 2 * L).add(FloatVector.fromArray(SPECIES, even, w + 2 * L)).fma(hd, a2);
                a3 = FloatVector.fromArray(SPECIES, even, u + 3 * L).add(FloatVector.fromArray(SPECIES, even, w + 3 * L)).fma(hd, a3);
                if (k == 0) {
                    break;
                }
                u = k0 + k + i; // d = 2k
                hd = FloatVector.broadcast(SPECIES, h[2 * k]);
                a0 = FloatVector.fromArray(SPECIES, odd, u).add(FloatVector.fromArray(SPECIES, odd, w)).fma(hd, a0);
                a1 = FloatVector.fromArray(SPECIES, odd, u + L).add(FloatVector.fromArray(SPECIES, odd, w + L)).fma(hd, a1);
                a2 = FloatVector.fromArray(SPECIES, odd, u + 2 * L).add(FloatVector.fromArray(SPECIES, odd, w + 2 * L)).fma(hd, a2);
                a3 = FloatVector.fromArray(SPECIES, odd, u + 3 * L).add(FloatVector.fromArray(SPECIES, odd, w + 3 * L)).fma(hd, a3);
            }
            FloatVector h0 = FloatVector.broadcast(SPECIES, h[0]);
            int c = k0 + i;
            FloatVector.fromArray(SPECIES, odd, c).fma(h0, a0).intoArray(out, off + i);
            FloatVector.fromArray(SPECIES, odd, c + L).fma(h0, a1).intoArray(out, off + i + L);
            FloatVector.fromArray(SPECIES, odd, c + 2 * L).fma(h0, a2).intoArray(out, off + i + 2 * L);
            FloatVector.fromArray(SPECIES, odd, c + 3 * L).fma(h0, a3).intoArray(out, off + i + 3 * L);
        }
        for (; i + L <= n; i += L) {
            FloatVector a = FloatVector.zero(SPECIES);
            for (int k = k0; k >= 0; k--) {
                a = FloatVector.fromArray(SPECIES, even, k0 + 1 + k + i).add(FloatVector.fromArray(SPECIES, even, k0 - k + i))
                    .fma(FloatVector.broadcast(SPECIES, h[2 * k + 1]), a);
                if (k > 0) {
                    a = FloatVector.fromArray(SPECIES, odd, k0 + k + i).add(FloatVector.fromArray(SPECIES, odd, k0 - k + i))
                        .fma(FloatVector.broadcast(SPECIES, h[2 * k]), a);
                }
            }
            FloatVector.fromArray(SPECIES, odd, k0 + i).fma(FloatVector.broadcast(SPECIES, h[0]), a).intoArray(out, off + i);
        }
        for (; i < n; i++) {
            float a = 0;
            for (int k = k0; k >= 0; k--) {
                a = Math.fma(even[k0 + 1 + k + i] + even[k0 - k + i], h[2 * k + 1], a);
                if (k > 0) {
                    a = Math.fma(odd[k0 + k + i] + odd[k0 - k + i], h[2 * k], a);
                }
            }
            out[off + i] = Math.fma(odd[k0 + i], h[0], a);
        }
    }
}
