package com.podcastpersonalize.events;

import com.podcastpersonalize.listeners.ListenerIds;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * Turns one event object of a request into a {@link ListenerEvent}, or refuses it with an
 * {@link IllegalArgumentException} whose message names the field. Pure: the clock and the id
 * mapping are given.
 */
public final class EventParser {

    static final Set<String> FIELDS = Set.of("id", "listener_id", "episode_id", "type", "timestamp", "position_s", "duration_s", "show", "query");
    /** Longest search text kept (characters). */
    public static final int MAX_QUERY_CHARS = 1000;
    /** Longest position or duration accepted: 30 days, in seconds. */
    static final double MAX_SECONDS = 30 * 24 * 3600.0;

    private final ListenerIds ids;
    private final long nowMillis;
    private final long maxFutureSkewMillis;

    public EventParser(ListenerIds ids, long nowMillis, long maxFutureSkewMillis) {
        this.ids = ids;
        this.nowMillis = nowMillis;
        this.maxFutureSkewMillis = maxFutureSkewMillis;
    }

    public ListenerEvent parse(Map<String, Object> event) {
        for (String key : event.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field [" + key + "]; known fields: " + FIELDS.stream().sorted().toList());
            }
        }
        EventType type = EventType.parse(string(event, "type", true));
        String listenerId = ids.storedId("listener_id", string(event, "listener_id", false));
        String episodeId = string(event, "episode_id", false);
        String show = string(event, "show", false);
        String query = string(event, "query", false);
        if (episodeId != null) {
            ListenerIds.validate("episode_id", episodeId);
        }
        if (show != null) {
            ListenerIds.validate("show", show);
        }
        switch (type) {
            case SEARCH -> {
                if (query == null || query.isBlank()) {
                    throw new IllegalArgumentException("[query] is required for events of type [search]");
                }
                if (query.length() > MAX_QUERY_CHARS) {
                    throw new IllegalArgumentException("[query] is " + query.length() + " characters long; at most " + MAX_QUERY_CHARS);
                }
                if (episodeId != null) {
                    throw new IllegalArgumentException("[episode_id] is not allowed for events of type [search]");
                }
            }
            case SUBSCRIBE -> {
                if (episodeId == null && show == null) {
                    throw new IllegalArgumentException("[episode_id] or [show] is required for events of type [subscribe]");
                }
            }
            default -> {
                if (episodeId == null) {
                    throw new IllegalArgumentException("[episode_id] is required for events of type [" + type.label() + "]");
                }
            }
        }
        if (type != EventType.SEARCH && query != null) {
            throw new IllegalArgumentException("[query] is only allowed for events of type [search]");
        }
        long timestamp = timestamp(event.get("timestamp"));
        Double position = seconds(event, "position_s");
        Double duration = seconds(event, "duration_s");
        String id = string(event, "id", false);
        if (id != null) {
            ListenerIds.validate("id", id);
        } else {
            id = EventIds.derive(listenerId, episodeId, type, timestamp, query);
        }
        return new ListenerEvent(id, listenerId, episodeId, type, timestamp, position, duration, show, query);
    }

    private static String string(Map<String, Object> event, String field, boolean required) {
        Object value = event.get(field);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("[" + field + "] is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("[" + field + "] must be a string, got [" + value + "]");
        }
        return text;
    }

    /** Epoch milliseconds from an ISO-8601 date-time with offset ({@code 2026-11-20T10:00:00Z}) or a number of epoch milliseconds. */
    long timestamp(Object value) {
        long millis;
        if (value == null) {
            throw new IllegalArgumentException("[timestamp] is required (ISO-8601 with offset, or epoch milliseconds)");
        } else if (value instanceof Number number) {
            if (!(number instanceof Integer || number instanceof Long)) {
                throw new IllegalArgumentException("[timestamp] as a number must be whole epoch milliseconds, got [" + value + "]");
            }
            millis = number.longValue();
        } else if (value instanceof String text) {
            try {
                millis = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException("[timestamp] must be an ISO-8601 date-time with offset such as 2026-11-20T10:00:00Z, got [" + text + "]");
            }
        } else {
            throw new IllegalArgumentException("[timestamp] must be a string or a number, got [" + value + "]");
        }
        if (millis < 0) {
            throw new IllegalArgumentException("[timestamp] is before 1970-01-01T00:00:00Z: [" + value + "]");
        }
        if (millis > nowMillis + maxFutureSkewMillis) {
            throw new IllegalArgumentException(
                "[timestamp] is in the future: [" + value + "] is more than [plugins.podcast.listeners.max_future_skew] ("
                    + maxFutureSkewMillis / 1000 + " s) ahead of this node's clock"
            );
        }
        return millis;
    }

    private static Double seconds(Map<String, Object> event, String field) {
        Object value = event.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("[" + field + "] must be a number of seconds, got [" + value + "]");
        }
        double seconds = number.doubleValue();
        if (!Double.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("[" + field + "] must be a finite number of seconds in [0, " + (long) MAX_SECONDS + "], got [" + value + "]");
        }
        return seconds;
    }
}
