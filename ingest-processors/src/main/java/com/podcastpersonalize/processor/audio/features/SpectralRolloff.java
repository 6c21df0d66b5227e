package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.spectral_rolloff(y, sr, n_fft=2048, hop_length=512, roll_percent=0.85)}:
 * per frame, the lowest bin frequency at which the cumulative magnitude reaches roll_percent of the total.
 */
public final class SpectralRolloff {

    public static final double DEFAULT_ROLL_PERCENT = 0.85;

    private SpectralRolloff() {}

    public static double[] compute(double[][] magnitude, double[] freqs, double rollPercent) {
        double[] out = new double[magnitude.length];
        for (int t = 0; t < magnitude.length; t++) {
            out[t] = frame(magnitude[t], freqs, rollPercent);
        }
        return out;
    }

    /** One frame's rolloff from its magnitude spectrum. */
    public static double frame(double[] s, double[] freqs, double rollPercent) {
        double total = 0;
        for (double v : s) {
            total += v;
        }
        double threshold = rollPercent * total;
        double run = 0; // the same partial sums again, in the same order, up to the threshold
        for (int k = 0; k < s.length; k++) {
            run += s[k];
            if (run >= threshold) {
                return freqs[k];
            }
        }
        return freqs[s.length - 1];
    }
}
