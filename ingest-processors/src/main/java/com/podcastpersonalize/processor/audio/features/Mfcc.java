package com.podcastpersonalize.processor.audio.features;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Mirrors {@code librosa.feature.mfcc(y, sr, n_mfcc=20, dct_type=2, norm='ortho', lifter=0)}: the orthonormal
 * DCT-II of the log-power mel spectrogram ({@code power_to_db(melspectrogram)}), first n_mfcc coefficients.
 * Output [frame][coefficient].
 */
public final class Mfcc {

    public static final int DEFAULT_N_MFCC = 20;

    private record Key(int nMfcc, int nMels) {}

    private static final ConcurrentHashMap<Key, double[][]> DCT = new ConcurrentHashMap<>();

    private Mfcc() {}

    /** From the dB mel spectrogram [frame][mel]. */
    public static double[][] fromLogMel(double[][] logMel, int nMfcc) {
        return fromLogMel(logMel, nMfcc, SpectrumKernels.best());
    }

    /**
     * {@link #fromLogMel(double[][], int)} with the DCT's dot products taken by {@code kernels}: four running sums, so
     * that the additions do not wait on each other (rounding only).
     */
    public static double[][] fromLogMel(double[][] logMel, int nMfcc, SpectrumKernels kernels) {
        if (logMel.length == 0) {
            return new double[0][nMfcc];
        }
        int nMels = logMel[0].length;
        double[][] basis = DCT.computeIfAbsent(new Key(nMfcc, nMels), k -> dctOrtho(nMfcc, nMels));
        double[][] out = new double[logMel.length][nMfcc];
        for (int t = 0; t < logMel.length; t++) {
            double[] x = logMel[t];
            for (int c = 0; c < nMfcc; c++) {
                out[t][c] = kernels.dot4(basis[c], x, nMels);
            }
        }
        return out;
    }

    /** DCT-II with orthonormal scaling: row c, column m = s_c·cos(π·c·(2m+1)/(2N)), s_0 = √(1/N), else √(2/N). */
    static double[][] dctOrtho(int rows, int n) {
        double[][] b = new double[rows][n];
        for (int c = 0; c < rows; c++) {
            double s = c == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int m = 0; m < n; m++) {
                b[c][m] = s * Math.cos(Math.PI * c * (2 * m + 1) / (2.0 * n));
            }
        }
        return b;
    }
}
