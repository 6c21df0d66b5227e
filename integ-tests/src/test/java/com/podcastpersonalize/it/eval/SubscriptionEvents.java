package com.podcastpersonalize.it.eval;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.time.Instant;

/**
 * A subscription to a show as listening: a {@code subscribe} to the show's document and a
 * {@code complete} of it (the show stands for its episodes; the complete also marks it heard, so
 * that {@code exclude_heard} leaves it out).
 */
public final class SubscriptionEvents implements EventMapper {

    static final int DURATION_S = 1800;

    @Override
    public void write(XContentBuilder events, String listenerId, Interaction subscription) throws IOException {
        String at = Instant.ofEpochSecond(subscription.timestamp()).toString();
        events.startObject().field("listener_id", listenerId).field("episode_id", subscription.item()).field("type", "subscribe")
            .field("timestamp", at).endObject();
        events.startObject().field("listener_id", listenerId).field("episode_id", subscription.item()).field("type", "complete")
            .field("timestamp", at).field("position_s", DURATION_S).field("duration_s", DURATION_S).endObject();
    }
}
