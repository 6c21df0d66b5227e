package com.podcastpersonalize.processor.audio.aggregate;

/**
 * Mean and std of one frame-level feature over all analysed frames, and its percentiles for the tracks that
 * publish them; non-finite values are skipped.
 */
public final class TrackStats {

    public static final int SAMPLE_CAPACITY = 16_384;

    private final RunningStats moments = new RunningStats();
    // null for a moments-only track: a sample is 128 KiB and a pass per value, wasted where no percentile is read
    private final BoundedSample sample;

    private TrackStats(boolean percentiles) {
        this.sample = percentiles ? new BoundedSample(SAMPLE_CAPACITY) : null;
    }

    /** Mean, std and percentiles. */
    public static TrackStats withPercentiles() {
        return new TrackStats(true);
    }

    /** Mean and std only; {@link #percentile} is refused. */
    public static TrackStats momentsOnly() {
        return new TrackStats(false);
    }

    public void add(double x) {
        if (Double.isFinite(x)) {
            moments.add(x);
            if (sample != null) {
                sample.add(x);
            }
        }
    }

    public void addAll(double[] xs) {
        for (double x : xs) {
            add(x);
        }
    }

    public long count() {
        return moments.count();
    }

    public double mean() {
        return moments.mean();
    }

    public double std() {
        return moments.std();
    }

    public double percentile(double q) {
        if (sample == null) {
            throw new IllegalStateException("this track keeps mean and std only, no percentiles");
        }
        return sample.percentile(q);
    }
}
