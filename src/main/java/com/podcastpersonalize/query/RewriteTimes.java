package com.podcastpersonalize.query;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the asynchronous actions of one {@code personalize} rewrite completed, to tell how long the
 * search waited for the query text's embedding. The actions start together (OpenSearch runs a
 * rewrite round's actions one after the other without waiting), so this starts with them.
 */
final class RewriteTimes {

    private final long started = System.nanoTime();
    private volatile long embedded = -1;
    /** when the last of the other actions (profile, ranker) completed; {@link #started} when there are none */
    private final AtomicLong othersDone = new AtomicLong(started);

    void embedded() {
        embedded = System.nanoTime();
    }

    void otherDone() {
        othersDone.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** From the start until the vector was there; read once all actions completed. */
    long embeddingNanos() {
        return embedded - started;
    }

    /** How much later than the other actions the vector was there (0 when it came first); read once all completed. */
    long embeddingWaitNanos() {
        return Math.max(0, embedded - othersDone.get());
    }
}
