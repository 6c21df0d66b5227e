package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.hz_to_mel} / {@code mel_to_hz} / {@code mel_frequencies}. Slaney scale (htk=False,
 * the default): linear below 1 kHz at 200/3 Hz per mel, logarithmic above with 27 mels per factor 6.4. HTK
 * scale: 2595·log10(1 + f/700).
 */
public final class MelScale {

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private MelScale() {}

    public static double hzToMel(double hz, boolean htk) {
        if (htk) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    public static double melToHz(double mel, boolean htk) {
        if (htk) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /** {@code n} frequencies evenly spaced on the mel scale from fmin to fmax (inclusive). */
    public static double[] melFrequencies(int n, double fmin, double fmax, boolean htk) {
        double[] mels = Linspace.of(hzToMel(fmin, htk), hzToMel(fmax, htk), n);
        for (int i = 0; i < n; i++) {
            mels[i] = melToHz(mels[i], htk);
        }
        return mels;
    }
}
