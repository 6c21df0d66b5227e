package com.podcastpersonalize.ranker;

import org.opensearch.core.action.ActionListener;

import java.util.concurrent.Executor;

/** Hands a training's work to the training thread pool; a failure or a rejection (pool full) reaches {@code done}. */
public final class TrainingPool {

    private TrainingPool() {}

    public static void run(Executor pool, Runnable work, ActionListener<?> done) {
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    done.onFailure(e);
                }
            });
        } catch (RuntimeException rejected) {
            done.onFailure(rejected);
        }
    }
}
