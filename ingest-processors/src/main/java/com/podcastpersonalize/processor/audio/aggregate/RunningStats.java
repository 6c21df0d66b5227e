package com.podcastpersonalize.processor.audio.aggregate;

/** Mean and population standard deviation (numpy's default ddof=0) in one pass (Welford), for any count. */
public final class RunningStats {

    private long count;
    private double mean;
    private double m2;

    public void add(double x) {
        count++;
        double d = x - mean;
        mean += d / count;
        m2 += d * (x - mean);
    }

    public long count() {
        return count;
    }

    /** 0 when empty. */
    public double mean() {
        return count == 0 ? 0 : mean;
    }

    /** 0 when empty. */
    public double std() {
        return count == 0 ? 0 : Math.sqrt(Math.max(0, m2 / count));
    }
}
