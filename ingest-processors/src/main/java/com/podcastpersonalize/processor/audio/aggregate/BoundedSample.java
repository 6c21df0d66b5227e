package com.podcastpersonalize.processor.audio.aggregate;

import java.util.Arrays;

/**
 * Keeps an evenly spread, deterministic subset of a stream of values for percentiles, in bounded memory:
 * every value is kept until the buffer is full, then every other kept value is dropped and only every
 * 2nd (then 4th, ...) new value is accepted. In sampled mode (a few thousand frames) all values are kept and
 * percentiles are exact; in a full pass over hours of audio they come from a systematic sample of ≥ capacity/2
 * frames spread over the whole episode.
 */
public final class BoundedSample {

    private final double[] values;
    private int size;
    private long stride = 1;
    private long seen;

    public BoundedSample(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be >= 2");
        }
        this.values = new double[capacity];
    }

    public void add(double x) {
        // the stride is a power of two, so the remainder is a mask (a 64-bit division per value was measurable)
        if ((seen++ & (stride - 1)) != 0) {
            return;
        }
        if (size == values.length) {
            for (int i = 0; i < size / 2; i++) {
                values[i] = values[2 * i];
            }
            size /= 2;
            stride *= 2;
            if (((seen - 1) & (stride - 1)) != 0) {
                return;
            }
        }
        values[size++] = x;
    }

    public int size() {
        return size;
    }

    /** numpy.percentile's default (linear interpolation between closest ranks); 0 when empty. */
    public double percentile(double q) {
        if (size == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double pos = q / 100.0 * (size - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(size - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
