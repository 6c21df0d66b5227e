package com.podcastpersonalize.processor.audio.features;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Mirrors {@code librosa.filters.mel(sr, n_fft, n_mels=128, fmin=0.0, fmax=sr/2, htk=False, norm='slaney')}:
 * n_mels triangular filters over the n_fft/2+1 FFT bins, with corners at n_mels+2 mel-spaced frequencies;
 * with Slaney normalisation each triangle is scaled by 2/(upper corner - lower corner) so that filters have
 * roughly constant energy per Hz. Matrices are cached and shared; do not modify them.
 */
public final class MelFilterbank {

    public record Params(double sr, int nFft, int nMels, double fmin, double fmax, boolean htk, boolean slaneyNorm) {}

    private static final ConcurrentHashMap<Params, double[][]> CACHE = new ConcurrentHashMap<>();

    private MelFilterbank() {}

    /** librosa defaults for the given rate and FFT size. */
    public static double[][] of(double sr, int nFft, int nMels) {
        return of(new Params(sr, nFft, nMels, 0.0, sr / 2, false, true));
    }

    /** weights[m][k]: weight of FFT bin k in mel band m. */
    public static double[][] of(Params p) {
        return CACHE.computeIfAbsent(p, MelFilterbank::build);
    }

    private static double[][] build(Params p) {
        double[] fft = FftFrequencies.of(p.sr(), p.nFft());
        double[] corners = MelScale.melFrequencies(p.nMels() + 2, p.fmin(), p.fmax(), p.htk());
        double[][] w = new double[p.nMels()][fft.length];
        for (int m = 0; m < p.nMels(); m++) {
            double lowWidth = corners[m + 1] - corners[m];
            double highWidth = corners[m + 2] - corners[m + 1];
            double norm = p.slaneyNorm() ? 2.0 / (corners[m + 2] - corners[m]) : 1.0;
            for (int k = 0; k < fft.length; k++) {
                double rising = (fft[k] - corners[m]) / lowWidth;
                double falling = (corners[m + 2] - fft[k]) / highWidth;
                w[m][k] = Math.max(0.0, Math.min(rising, falling)) * norm;
            }
        }
        return w;
    }
}
