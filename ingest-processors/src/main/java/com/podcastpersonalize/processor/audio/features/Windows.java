package com.podcastpersonalize.processor.audio.features;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Analysis windows as {@code scipy.signal.get_window} builds them: "periodic" (fftbins=True, librosa's
 * choice for STFT windows) or symmetric. Arrays are cached and shared: callers must not modify them.
 */
public final class Windows {

    private record Key(String name, int n, boolean periodic) {}

    private static final ConcurrentHashMap<Key, double[]> CACHE = new ConcurrentHashMap<>();

    private Windows() {}

    /** Hann window ({@code get_window('hann', n, fftbins=periodic)}). */
    public static double[] hann(int n, boolean periodic) {
        return CACHE.computeIfAbsent(new Key("hann", n, periodic), k -> cosine(n, periodic, 0.5, 0.5));
    }

    /** Hamming window ({@code get_window('hamming', n, fftbins=periodic)}). */
    public static double[] hamming(int n, boolean periodic) {
        return CACHE.computeIfAbsent(new Key("hamming", n, periodic), k -> cosine(n, periodic, 0.54, 0.46));
    }

    // a - b·cos(2πk/M), M = n for periodic windows (one sample past a symmetric window of n+1), n-1 for symmetric
    private static double[] cosine(int n, boolean periodic, double a, double b) {
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        int m = periodic ? n : n - 1;
        for (int k = 0; k < n; k++) {
            w[k] = a - b * Math.cos(2 * Math.PI * k / m);
        }
        return w;
    }
}
