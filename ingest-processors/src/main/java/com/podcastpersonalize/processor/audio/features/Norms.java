package com.podcastpersonalize.processor.audio.features;

/**
 * The divisor rule of {@code librosa.util.normalize(..., threshold=None, fill=None)}: a vector whose norm is
 * below the smallest normal double is left as it is (divided by 1) instead of blowing up.
 */
final class Norms {

    private Norms() {}

    static double safeDivisor(double norm) {
        return norm < Double.MIN_NORMAL ? 1.0 : norm;
    }
}
