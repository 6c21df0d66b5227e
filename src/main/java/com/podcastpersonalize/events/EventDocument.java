package com.podcastpersonalize.events;

import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.ProfileCodec;

import org.opensearch.common.xcontent.cbor.CborXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.Map;

/**
 * A stored event: one document of the events index ({@code _id} = event id, routed by listener).
 * Flat fields with an {@code @timestamp}, so that a Dashboards index pattern works as is; the
 * embedded query of a search is kept (base64 float32) so that a rebuild needs no model.
 */
public final class EventDocument {

    public static final String TIMESTAMP = "@timestamp";
    public static final String EVENT_ID = "event_id";
    public static final String LISTENER_ID = "listener_id";
    public static final String EPISODE_ID = "episode_id";
    public static final String TYPE = "type";
    public static final String SHOW = "show";
    public static final String TOPICS = "topics";
    public static final String POSITION_S = "position_s";
    public static final String DURATION_S = "duration_s";
    public static final String FRACTION = "fraction";
    public static final String QUERY = "query";
    public static final String QUERY_VECTOR = "query_vector";
    public static final String RECEIVED_AT = "received_at";

    private EventDocument() {}

    /**
     * The builder event documents are written with. CBOR, not JSON: the shard parses every event
     * document it indexes, and binary numbers and strings with their lengths parse in less time than
     * text; searches and {@code GET} show the source as JSON all the same.
     */
    public static XContentBuilder contentBuilder() throws IOException {
        return CborXContent.contentBuilder();
    }

    public static void write(XContentBuilder builder, ListenerEvent event, EpisodeFeatures episode, float[] queryVector, long receivedAt) throws IOException {
        builder.startObject();
        builder.field(TIMESTAMP, event.timestamp());
        builder.field(EVENT_ID, event.id());
        builder.field(LISTENER_ID, event.listenerId());
        builder.field(TYPE, event.type().label());
        if (event.episodeId() != null) {
            builder.field(EPISODE_ID, event.episodeId());
        }
        String show = event.show() != null ? event.show() : episode == null ? null : episode.show();
        if (show != null) {
            builder.field(SHOW, show);
        }
        if (episode != null && !episode.topics().isEmpty()) {
            builder.field(TOPICS, episode.topics());
        }
        if (event.positionS() != null) {
            builder.field(POSITION_S, event.positionS());
        }
        if (event.durationS() != null) {
            builder.field(DURATION_S, event.durationS());
        }
        if (event.fractionListened() != null) {
            builder.field(FRACTION, event.fractionListened());
        }
        if (event.query() != null) {
            builder.field(QUERY, event.query());
        }
        if (queryVector != null) {
            builder.field(QUERY_VECTOR, ProfileCodec.encode(queryVector));
        }
        builder.field(RECEIVED_AT, receivedAt);
        builder.endObject();
    }

    /** The event as it was accepted (for a rebuild). */
    public static ListenerEvent event(Map<String, Object> source) {
        return new ListenerEvent(
            (String) source.get(EVENT_ID),
            (String) source.get(LISTENER_ID),
            (String) source.get(EPISODE_ID),
            EventType.parse((String) source.get(TYPE)),
            ((Number) source.get(TIMESTAMP)).longValue(),
            number(source.get(POSITION_S)),
            number(source.get(DURATION_S)),
            // only an explicit show of a subscription matters; one copied from the episode is found again there
            (String) source.get(SHOW),
            (String) source.get(QUERY)
        );
    }

    /** The stored query embedding of a search event, or null. */
    public static float[] queryVector(Map<String, Object> source) {
        Object value = source.get(QUERY_VECTOR);
        return value instanceof String base64 ? ProfileCodec.decode(base64) : null;
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
