package com.podcastpersonalize.processor.audio.features;

import java.util.concurrent.ConcurrentHashMap;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Real FFT of a given size on JTransforms, with plans cached per size and shared (a plan's tables are
 * read-only after construction, so concurrent transforms on one plan are safe). Sizes used here (up to
 * 8192) stay below JTransforms' threshold for multi-threaded transforms, so no pool threads are started.
 */
public final class RealFft {

    private static final ConcurrentHashMap<Integer, RealFft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    private final DoubleFFT_1D fft;

    private RealFft(int n) {
        this.n = n;
        this.fft = new DoubleFFT_1D(n);
    }

    public static RealFft of(int n) {
        if (n < 2 || (n & 1) != 0) {
            throw new IllegalArgumentException("FFT size must be even and >= 2: " + n);
        }
        return PLANS.computeIfAbsent(n, RealFft::new);
    }

    public int size() {
        return n;
    }

    /**
     * Forward transform of {@code x} (length n, overwritten) into {@code re}/{@code im} of length n/2+1:
     * X[k] = Σ x[j]·exp(-2πi·jk/n), numpy's rfft convention.
     */
    public void forward(double[] x, double[] re, double[] im) {
        fft.realForward(x);
        int h = n / 2;
        re[0] = x[0];
        im[0] = 0;
        re[h] = x[1];
        im[h] = 0;
        for (int k = 1; k < h; k++) {
            re[k] = x[2 * k];
            im[k] = x[2 * k + 1];
        }
    }

    /** Inverse of {@link #forward}: real signal of length n from the n/2+1 bins (scaled by 1/n). */
    public void inverse(double[] re, double[] im, double[] out) {
        int h = n / 2;
        out[0] = re[0];
        out[1] = re[h];
        for (int k = 1; k < h; k++) {
            out[2 * k] = re[k];
            out[2 * k + 1] = im[k];
        }
        fft.realInverse(out, true);
    }

    /** |X[k]|² of a real signal (x overwritten), into {@code power} of length n/2+1. */
    public void powerSpectrum(double[] x, double[] power) {
        powerSpectrum(x, power, SpectrumKernels.best());
    }

    /** {@link #powerSpectrum(double[], double[])} with the squares taken by {@code kernels}. */
    public void powerSpectrum(double[] x, double[] power, SpectrumKernels kernels) {
        fft.realForward(x);
        kernels.packedPower(x, power);
    }
}
