package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.zero_crossing_rate(y, frame_length=2048, hop_length=512, center=True)}
 * with librosa's defaults threshold=1e-10, zero_pos=True: the signal is edge-padded by frame_length/2 when
 * centred; in each frame samples with |x| ≤ threshold count as 0, 0 counts as positive, and the rate is the
 * number of sign changes between consecutive samples divided by frame_length. The sign changes are counted
 * once over the whole signal (a running count), so each frame's count is a difference of two running counts:
 * the same integers as counting frame by frame.
 */
public final class ZeroCrossingRate {

    public static final double THRESHOLD = 1e-10;

    private ZeroCrossingRate() {}

    public static double[] compute(float[] y, int frameLength, int hop, boolean center) {
        return new Counter().compute(y, frameLength, hop, center);
    }

    /**
     * {@link ZeroCrossingRate#compute} keeping its running-count array (one int per sample, 0.9 MB for 10 s at 22050 Hz)
     * from one call to the next instead of allocating it per call. Not thread-safe.
     */
    public static final class Counter {
        private int[] changes = new int[0];

        public double[] compute(float[] y, int frameLength, int hop, boolean center) {
            int pad = center ? frameLength / 2 : 0;
            int length = y.length + 2 * pad;
            if (changes.length < length) {
                changes = new int[length];
            }
            return ZeroCrossingRate.compute(y, frameLength, hop, pad, length, changes);
        }
    }

    private static double[] compute(float[] y, int frameLength, int hop, int pad, int length, int[] changes) {
        int frames = Framing.frameCount(length, frameLength, hop);
        // changes[i]: sign changes between consecutive samples up to padded sample i (the array is reused: every entry read is written)
        if (length > 0) {
            changes[0] = 0;
        }
        int count = 0;
        int previous = negative(padded(y, -pad));
        int interiorEnd = pad + y.length; // padded samples pad .. interiorEnd-1 are y itself
        for (int i = 1; i < length; i++) {
            if (i >= pad && i < interiorEnd) { // the interior in one run, read straight from y (no clamping)
                for (; i < interiorEnd; i++) {
                    int negative = negative(y[i - pad]);
                    count += negative ^ previous;
                    changes[i] = count;
                    previous = negative;
                }
                if (i >= length) {
                    break;
                }
            }
            int negative = negative(padded(y, i - pad));
            count += negative ^ previous;
            changes[i] = count;
            previous = negative;
        }
        double[] out = new double[frames];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            out[t] = (double) (changes[start + frameLength - 1] - changes[start]) / frameLength;
        }
        return out;
    }

    // np.pad(y, pad, mode='edge'): the end samples repeated (nothing to repeat in an empty signal: zeros)
    private static float padded(float[] y, int i) {
        return y.length == 0 ? 0f : y[Math.max(0, Math.min(y.length - 1, i))];
    }

    /** 1 when x counts as negative: |x| > threshold and x < 0, i.e. x < -threshold. */
    private static int negative(double x) {
        return x < -THRESHOLD ? 1 : 0;
    }
}
