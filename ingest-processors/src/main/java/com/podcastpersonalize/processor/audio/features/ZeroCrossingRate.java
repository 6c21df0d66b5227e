package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512, center=True)}
 * with librosa's defaults threshold=1e-10, zero_pos=True: the signal is edge-padded by frame_length/2 when
 * centred; in each frame samples with |x| ≤ threshold count as 0, 0 counts as positive, and the rate is the
 * number of sign changes between consecutive samples divided by frame_length.
 */
public final class ZeroCrossingRate {

    public static final double THRESHOLD = 1e-10;

    private ZeroCrossingRate() {}

    public static double[] compute(float[] y, int frameLength, int hop, boolean center) {
        double[] x = center ? Framing.pad(y, frameLength / 2, Framing.Pad.EDGE) : Framing.toDouble(y);
        int frames = Framing.frameCount(x.length, frameLength, hop);
        boolean[] negative = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            negative[i] = Math.abs(x[i]) > THRESHOLD && x[i] < 0;
        }
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            int crossings = 0;
            for (int i = start + 1; i < start + frameLength; i++) {
                if (negative[i] != negative[i - 1]) {
                    crossings++;
                }
            }
            out[t] = (double) crossings / frameLength;
        }
        return out;
    }
}
