package com.podcastpersonalize.processor.audio.features;

/**
 * The per-bin loops of the frame-level features that run faster as SIMD lanes: one scalar implementation
 * ({@link ScalarKernels}) and one on the Java Vector API ({@link VectorKernels}), which give the same results bit
 * for bit (each lane does the scalar loop's operations in the scalar loop's order; {@code SpectrumKernelsTests}
 * checks both against each other on real audio), except the logarithms of {@link #decibels} and {@link #sumOfLogs}:
 * the Vector API's {@code LOG10} and {@code LOG} (the JDK's SIMD math library) are not {@code Math.log10} and
 * {@code Math.log} bit for bit, and may differ from them by an ulp. {@link #best()} picks the Vector API when the JVM has the
 * {@code jdk.incubator.vector} module (OpenSearch starts its node with it for Lucene), else the scalar loops.
 */
public interface SpectrumKernels {

    /** The implementation for this JVM, chosen once ({@link KernelChoice}). */
    static SpectrumKernels best() {
        return KernelChoice.BEST;
    }

    /** The scalar loops, whatever the JVM has (the reference the vector kernels are measured and tested against). */
    static SpectrumKernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * |X[k]|² from a real FFT's packed output of n = {@code x.length} values (JTransforms' layout: x[0] = X[0],
     * x[1] = X[n/2], x[2k] and x[2k+1] the real and imaginary parts of X[k]) into {@code power[0 .. n/2]}.
     */
    void packedPower(double[] x, double[] power);

    /**
     * Spectral contrast's lane pass: for each block of {@value #CONTRAST_LANES} bins b in [from, whole), lane c gets
     * {@code laneMin[c] = min(laneMin[c], row[b + c])} and likewise the maximum ({@code whole - from} a multiple of
     * 16).
     */
    void laneExtremes16(double[] row, int from, int whole, double[] laneMin, double[] laneMax);

    /** Lanes of {@link #laneExtremes16}. */
    int CONTRAST_LANES = 16;

    /**
     * The values of {@code row[from .. end)} at most {@code lowBound}, in order, into {@code low}, and those at least
     * {@code highBound} into {@code high} (each array at least {@code end - from} long: values past the count may
     * be overwritten); the two counts into {@code counts[0]} and {@code counts[1]}.
     */
    void gatherCandidates(double[] row, int from, int end, double lowBound, double highBound, double[] low, double[] high, int[] counts);

    /** The 12 chroma sums of one frame: {@code acc[c] = Σ_k w[12k + c]·s[k]}, each adding its products in bin order. */
    void chroma12(double[] s, double[] w, double[] acc);

    /**
     * {@code x[k] = max(amin, s[k])} and their sum in four interleaved running sums (bin k to sum k mod 4 over the
     * whole blocks of 4, the rest to sum 0), returned as (s0 + s1) + (s2 + s3): spectral flatness's mean.
     */
    double clampAndSum(double[] s, double amin, double[] x);

    /**
     * Σ a[k]·b[k] over k &lt; n in four interleaved running sums (k to sum k mod 4 over the whole blocks of 4, the
     * rest to sum 0), returned as (s0 + s1) + (s2 + s3): the MFCC's DCT and the spectral centroid.
     */
    double dot4(double[] a, double[] b, int n);

    /** Σ |s[k]| in the four running sums of {@link #dot4}: the L1 norm of the centroid and the bandwidth. */
    double absSum4(double[] s);

    /** Σ s[k]·(f[k] - c)² in the four running sums of {@link #dot4}: the spectral bandwidth (p = 2). */
    double centredSquareDot4(double[] s, double[] f, double c);

    /**
     * YIN's cumulative mean normalised difference: {@code cmnd[τ - minLag] = diff[τ]·τ / (cumulative[τ] +
     * τ·Double.MIN_NORMAL)} for τ in [minLag, maxLag].
     */
    void normalisedDifference(double[] diff, double[] cumulative, int minLag, int maxLag, double[] cmnd);

    /**
     * power_to_db before its floor: {@code out[k] = 10·log10(max(amin, s[k])) - refDb} for k &lt; {@code s.length},
     * returning the largest of them. The scalar kernel takes {@code Math.log10}; the vector one the Vector API's
     * {@code LOG10}, which may differ from it by an ulp (so the two kernels agree here to rounding only).
     */
    double decibels(double[] s, double amin, double refDb, double[] out);

    /**
     * Σ ln(x[i]) over i &lt; n, added in order from i = 0 (one running sum), overwriting {@code x[0 .. n)} with the
     * logarithms: spectral flatness's geometric mean. The scalar kernel takes {@code Math.log}; the vector one the
     * Vector API's {@code LOG} on the lanes (the sum stays the scalar one, in order), which may differ from it by an ulp.
     */
    double sumOfLogs(double[] x, int n);
}
