package com.podcastpersonalize.listeners;

/**
 * Exponential time decay: a contribution made at time {@code t} counts {@code 0.5^((now - t) / halfLife)}
 * at time {@code now}. Because the factor multiplies ({@code f(a→c) = f(a→b)·f(b→c)}), a sum of
 * decayed contributions can be kept as of the latest event time and brought forward lazily, and
 * the result does not depend on the order in which events arrive.
 */
public final class Decay {

    private Decay() {}

    /** The factor from {@code fromMillis} to {@code toMillis} (≥ fromMillis); 1 for no elapsed time. */
    public static double factor(long fromMillis, long toMillis, long halfLifeMillis) {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("decay runs forward only: " + fromMillis + " > " + toMillis);
        }
        if (halfLifeMillis <= 0) {
            throw new IllegalArgumentException("half-life must be positive, got " + halfLifeMillis);
        }
        return Math.pow(0.5, (toMillis - fromMillis) / (double) halfLifeMillis);
    }
}
