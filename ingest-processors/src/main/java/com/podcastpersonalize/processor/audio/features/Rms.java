package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.rms(y, frame_length=2048, hop_length=512, center=True, pad_mode='constant')}:
 * the signal is zero-padded by frame_length/2 when centred, and each frame's value is √(mean(x²)).
 */
public final class Rms {

    private Rms() {}

    public static double[] compute(float[] y, int frameLength, int hop, boolean center) {
        double[] x = center ? Framing.pad(y, frameLength / 2, Framing.Pad.CONSTANT) : Framing.toDouble(y);
        int frames = Framing.frameCount(x.length, frameLength, hop);
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            double acc = 0;
            int start = t * hop;
            for (int i = start; i < start + frameLength; i++) {
                acc += x[i] * x[i];
            }
            out[t] = Math.sqrt(acc / frameLength);
        }
        return out;
    }
}
