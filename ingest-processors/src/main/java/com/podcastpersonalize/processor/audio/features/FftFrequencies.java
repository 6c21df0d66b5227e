package com.podcastpersonalize.processor.audio.features;

/** Mirrors {@code librosa.fft_frequencies(sr, n_fft)}: the centre frequency of each of the n_fft/2+1 bins. */
public final class FftFrequencies {

    private FftFrequencies() {}

    public static double[] of(double sr, int nFft) {
        return Linspace.of(0, sr / 2, nFft / 2 + 1);
    }
}
