package com.podcastpersonalize.listeners;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.common.lifecycle.LifecycleListener;

/**
 * Writes the profile updates a node holds back (write-behind) when the node stops, so that they are
 * not lost from the profiles (the events themselves are stored already, and a rebuild would recover
 * them). It runs as the cluster service begins to stop: the HTTP server no longer takes events, and
 * the node can still write to shards on itself and on other nodes. A plugin's own lifecycle
 * components stop later, after the transport service, when no write can leave the node any more.
 */
public final class FlushOnShutdown extends LifecycleListener {

    private static final Logger logger = LogManager.getLogger(FlushOnShutdown.class);

    private final ProfileStore store;
    private final long timeoutMillis;

    public FlushOnShutdown(ProfileStore store, long timeoutMillis) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void beforeStop() {
        int waiting = store.listenersWithUpdatesWaiting();
        if (waiting == 0) {
            return;
        }
        logger.info("node stopping: writing the held-back profile updates of {} listeners", waiting);
        try {
            if (store.flushEverything(timeoutMillis) == false) {
                logger.warn("node stopping: profile updates of {} listeners were not written within {} ms; `_rebuild` recovers them from the stored events",
                    store.listenersWithUpdatesWaiting(), timeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
