package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.rms(y, frame_length=2048, hop_length=512, center=True, pad_mode='constant')}:
 * the signal is zero-padded by frame_length/2 when centred, and each frame's value is √(mean(x²)). When frames
 * are whole numbers of hops (the defaults: 4), Σx² is summed once per hop-long block and each frame adds its
 * blocks' sums: the same terms grouped differently (rounding only), a quarter of the work.
 */
public final class Rms {

    private Rms() {}

    public static double[] compute(float[] y, int frameLength, int hop, boolean center) {
        int pad = center ? frameLength / 2 : 0;
        int frames = Framing.frameCount(y.length + 2 * pad, frameLength, hop);
        double[] out = new double[frames];
        if (frameLength % hop == 0) {
            int blocks = frameLength / hop;
            double[] blockSum = new double[frames == 0 ? 0 : frames + blocks - 1];
            for (int b = 0; b < blockSum.length; b++) {
                blockSum[b] = sumOfSquares(y, b * hop - pad, hop);
            }
            for (int t = 0; t < frames; t++) {
                double acc = 0;
                for (int b = t; b < t + blocks; b++) {
                    acc += blockSum[b];
                }
                out[t] = Math.sqrt(acc / frameLength);
            }
        } else {
            for (int t = 0; t < frames; t++) {
                out[t] = Math.sqrt(sumOfSquares(y, t * hop - pad, frameLength) / frameLength);
            }
        }
        return out;
    }

    // Σ x² over y[from .. from+len), samples outside y being the zero padding
    private static double sumOfSquares(float[] y, int from, int len) {
        double acc = 0;
        for (int i = Math.max(0, from); i < Math.min(y.length, from + len); i++) {
            double v = y[i];
            acc += v * v;
        }
        return acc;
    }
}
