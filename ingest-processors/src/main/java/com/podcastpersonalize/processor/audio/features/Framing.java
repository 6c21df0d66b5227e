package com.podcastpersonalize.processor.audio.features;

/** Centre padding and frame counting as {@code librosa.util.frame} with {@code center=True} sees them. */
public final class Framing {

    private Framing() {}

    public enum Pad { CONSTANT, EDGE }

    /** {@code np.pad(y, pad, mode)} on both sides; CONSTANT pads zeros, EDGE repeats the end samples. */
    public static double[] pad(float[] y, int pad, Pad mode) {
        double[] out = new double[y.length + 2 * pad];
        for (int i = 0; i < y.length; i++) {
            out[pad + i] = y[i];
        }
        if (mode == Pad.EDGE && y.length > 0) {
            for (int i = 0; i < pad; i++) {
                out[i] = y[0];
                out[pad + y.length + i] = y[y.length - 1];
            }
        }
        return out;
    }

    /** Without padding. */
    public static double[] toDouble(float[] y) {
        return pad(y, 0, Pad.CONSTANT);
    }

    /**
     * {@code x[start .. start+len)} of {@code x = pad(y, pad, CONSTANT)} into {@code dst[0 .. len)}, as doubles, without
     * building the padded copy: the samples of the padding (and past either end) read as zeros.
     */
    public static void readPadded(float[] y, int pad, int start, int len, double[] dst) {
        int from = Math.max(0, Math.min(len, pad - start)); // dst index of y[0], clamped to the span
        int to = Math.max(from, Math.min(len, pad + y.length - start)); // dst index just past y's last sample
        java.util.Arrays.fill(dst, 0, from, 0.0);
        for (int i = from, j = start - pad + from; i < to; i++, j++) {
            dst[i] = y[j];
        }
        java.util.Arrays.fill(dst, to, len, 0.0);
    }

    /** Frames of {@code frameLength} every {@code hop} samples that fit in {@code length} samples. */
    public static int frameCount(int length, int frameLength, int hop) {
        if (length < frameLength) {
            return 0;
        }
        return 1 + (length - frameLength) / hop;
    }
}
