package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.ListenerEvent;

/**
 * How much one event moves a profile toward (positive) or away from (negative) its episode:
 * complete 1.0 &gt; like 0.8 &gt; play 0.6 × fraction listened &gt; subscribe 0.5; skip -0.3 and
 * dislike -0.8 push away. A play without position and duration counts as half listened. A search
 * moves only the short-term interest, by {@link #SEARCH}.
 */
public final class EventWeights {

    public static final double COMPLETE = 1.0;
    public static final double LIKE = 0.8;
    public static final double PLAY = 0.6;
    public static final double SUBSCRIBE = 0.5;
    public static final double SKIP = -0.3;
    public static final double DISLIKE = -0.8;
    public static final double SEARCH = 0.6;
    /**
     * Weight from which an event says the listener liked the episode (complete, like, subscribe, or a
     * play heard to at least 5/6): such episodes seed collaborative recommendations.
     */
    public static final double POSITIVE = SUBSCRIBE;
    /** Fraction assumed for a play that does not say how much was heard. */
    public static final double UNKNOWN_FRACTION = 0.5;

    private EventWeights() {}

    public static double weight(ListenerEvent event) {
        return weight(event.type(), event.fractionListened());
    }

    /** The weight of an event of {@code type}; {@code fractionListened} matters for plays only (null: unknown). */
    public static double weight(EventType type, Double fractionListened) {
        return switch (type) {
            case COMPLETE -> COMPLETE;
            case LIKE -> LIKE;
            case PLAY -> PLAY * (fractionListened == null ? UNKNOWN_FRACTION : fractionListened);
            case SUBSCRIBE -> SUBSCRIBE;
            case SKIP -> SKIP;
            case DISLIKE -> DISLIKE;
            case SEARCH -> SEARCH;
        };
    }
}
