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

    /** Frames of {@code frameLength} every {@code hop} samples that fit in {@code length} samples. */
    public static int frameCount(int length, int frameLength, int hop) {
        if (length < frameLength) {
            return 0;
        }
        return 1 + (length - frameLength) / hop;
    }
}
