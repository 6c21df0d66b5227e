package com.podcastpersonalize.processor.audio.features;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Mirrors {@code librosa.filters.chroma(sr, n_fft, n_chroma=12, tuning=0.0, ctroct=5.0, octwidth=2, norm=2,
 * base_c=True)} (Ellis' chromagram_E weights). Each FFT bin j ≥ 1 sits at b_j = n_chroma·log2(f_j / (A/16))
 * chroma bins, A = 440·2^(tuning/n_chroma); bin 0 is placed 1.5 octaves below bin 1. Chroma c gets weight
 * exp(-½·(2·d/w_j)²) where d is the distance from b_j to c wrapped to [-n/2, n/2) and w_j = max(1, b_{j+1} -
 * b_j) the bin's width in chroma bins; each FFT bin's weights are scaled to unit L2 norm across chroma, then
 * (unless octwidth is NaN, librosa's None) multiplied by a Gaussian over octaves centred on ctroct, width
 * octwidth; with base_c the rows start at C instead of A. Returns [n_chroma][n_fft/2+1]; cached and shared.
 */
public final class ChromaFilterbank {

    public record Params(double sr, int nFft, int nChroma, double tuning, double ctroct, double octwidth, boolean baseC) {}

    private static final ConcurrentHashMap<Params, double[][]> CACHE = new ConcurrentHashMap<>();

    private ChromaFilterbank() {}

    /** librosa defaults with the given tuning (fractions of a chroma bin). */
    public static double[][] of(double sr, int nFft, double tuning) {
        return of(new Params(sr, nFft, 12, tuning, 5.0, 2.0, true));
    }

    public static double[][] of(Params p) {
        return CACHE.computeIfAbsent(p, ChromaFilterbank::build);
    }

    private static double[][] build(Params p) {
        int n = p.nChroma();
        int nFft = p.nFft();
        double a440 = 440.0 * Math.pow(2.0, p.tuning() / n);
        double[] bins = new double[nFft];
        for (int j = 1; j < nFft; j++) {
            double f = j * (p.sr() / nFft);
            bins[j] = n * log2(f / (a440 / 16));
        }
        bins[0] = bins[1] - 1.5 * n;
        double[] width = new double[nFft];
        for (int j = 0; j < nFft - 1; j++) {
            width[j] = Math.max(bins[j + 1] - bins[j], 1.0);
        }
        width[nFft - 1] = 1.0;
        double half = Math.rint(n / 2.0);
        int cols = nFft / 2 + 1;
        double[][] w = new double[n][cols];
        for (int j = 0; j < cols; j++) {
            double norm = 0;
            for (int c = 0; c < n; c++) {
                double d = floorMod(bins[j] - c + half + 10.0 * n, n) - half;
                double v = Math.exp(-0.5 * Math.pow(2 * d / width[j], 2));
                w[c][j] = v;
                norm += v * v;
            }
            double div = Norms.safeDivisor(Math.sqrt(norm));
            double octave = Double.isNaN(p.octwidth()) ? 1.0 : Math.exp(-0.5 * Math.pow((bins[j] / n - p.ctroct()) / p.octwidth(), 2));
            for (int c = 0; c < n; c++) {
                w[c][j] = w[c][j] / div * octave;
            }
        }
        if (!p.baseC()) {
            return w;
        }
        int shift = 3 * (n / 12);
        double[][] rolled = new double[n][];
        for (int c = 0; c < n; c++) {
            rolled[c] = w[(c + shift) % n];
        }
        return rolled;
    }

    private static double floorMod(double x, double m) {
        return x - m * Math.floor(x / m);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
