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
        double[] cumulative = new double[freqs.length];
        for (int t = 0; t < magnitude.length; t++) {
            out[t] = frame(magnitude[t], freqs, rollPercent, cumulative);
        }
        return out;
    }

    /**
     * One frame's rolloff from its magnitude spectrum; {@code cumulative} (as long as the spectrum) is overwritten
     * with its running sums. The sums of non-negative values never fall, so the first bin whose sum reaches the
     * threshold is found by bisection instead of a second pass of additions: the same sums, the same bin. The sums are
     * one serial chain of additions, which sets the pace; beside it, the test for negative values only ORs the sign
     * bits (cheaper in the loop than a comparison per bin; a -0.0, never produced by |STFT|, takes the in-order scan,
     * which gives the same bin).
     */
    public static double frame(double[] s, double[] freqs, double rollPercent, double[] cumulative) {
        double total = 0;
        long signs = 0; // the OR of all bins' bits: negative when a bin's sign bit is set
        for (int k = 0; k < s.length; k++) {
            total += s[k];
            cumulative[k] = total;
            signs |= Double.doubleToRawLongBits(s[k]);
        }
        double threshold = rollPercent * total;
        if (signs < 0 || !(threshold <= total)) { // not librosa's non-negative energies, or NaN: scan in order
            for (int k = 0; k < s.length; k++) {
                if (cumulative[k] >= threshold) {
                    return freqs[k];
                }
            }
            return freqs[s.length - 1];
        }
        int lo = 0; // the first k with cumulative[k] ≥ threshold lies in [lo, hi]; cumulative[s.length-1] = total ≥ threshold
        int hi = s.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= threshold) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return freqs[lo];
    }
}
