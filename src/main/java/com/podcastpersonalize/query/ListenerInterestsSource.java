package com.podcastpersonalize.query;

import org.opensearch.core.action.ActionListener;

/**
 * Loads a listener's interests for the {@code personalize} query, asynchronously (it is called
 * during query rewrite on the coordinating node and must not block). An unknown listener is not
 * an error: it answers {@link ListenerInterests#unknown()}.
 */
@FunctionalInterface
public interface ListenerInterestsSource {
    void load(String listenerId, ActionListener<ListenerInterests> listener);
}
