package com.podcastpersonalize.processor.audio.aggregate;

/** Mean, std and percentiles of one frame-level feature over all analysed frames. */
public final class TrackStats {

    public static final int SAMPLE_CAPACITY = 16_384;

    private final RunningStats moments = new RunningStats();
    private final BoundedSample sample = new BoundedSample(SAMPLE_CAPACITY);

    public void add(double x) {
        if (Double.isFinite(x)) {
            moments.add(x);
            sample.add(x);
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
        return sample.percentile(q);
    }
}
