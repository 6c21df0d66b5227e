package com.podcastpersonalize.events;

import java.util.Arrays;
import java.util.Locale;

/** What a listener did. The lowercase name is the {@code type} of an event in requests, stored events and counts. */
public enum EventType {
    PLAY,
    COMPLETE,
    LIKE,
    DISLIKE,
    SKIP,
    SUBSCRIBE,
    SEARCH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the event names an episode the listener heard (kept for {@code exclude_heard}). */
    public boolean heard() {
        return this == PLAY || this == COMPLETE || this == SKIP || this == LIKE || this == DISLIKE;
    }

    /** The type for a request's {@code type} value; the message lists the known ones. */
    public static EventType parse(String value) {
        for (EventType type : values()) {
            if (type.label().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("[type] must be one of " + Arrays.stream(values()).map(EventType::label).toList() + ", got [" + value + "]");
    }
}
