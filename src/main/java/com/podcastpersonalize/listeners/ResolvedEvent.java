package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.ListenerEvent;

import java.util.Comparator;

/**
 * An event with what it refers to: its episode's features (null for searches and show-only
 * subscriptions) and, for a search, the embedded query (null otherwise).
 */
public record ResolvedEvent(ListenerEvent event, EpisodeFeatures episode, float[] queryVector) {

    /** The order in which events are applied, everywhere: event time, then event id. */
    public static final Comparator<ResolvedEvent> APPLY_ORDER = Comparator.<ResolvedEvent>comparingLong(e -> e.event().timestamp())
        .thenComparing(e -> e.event().id());
}
