package com.podcastpersonalize.it.eval;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.time.Instant;

/**
 * A MovieLens rating as listening: 4 and up is a finished listen ({@code complete}, and from 4.5 also
 * a {@code like}); 2 and below pushes away (up to 1.5 a {@code dislike}, 2 a {@code skip}); the
 * ratings between are a {@code play} that stopped part way, the further the higher the rating
 * (2.5 → 25 %, 3 → 50 %, 3.5 → 75 %). Every event keeps the rating's real timestamp.
 */
public final class RatingEvents implements EventMapper {

    /** Nominal length of a movie, in seconds; only the fraction listened matters. */
    static final int DURATION_S = 6000;

    @Override
    public void write(XContentBuilder events, String listenerId, Interaction rating) throws IOException {
        String at = Instant.ofEpochSecond(rating.timestamp()).toString();
        double r = rating.rating();
        if (r >= 4) {
            event(events, listenerId, rating.item(), "complete", at, DURATION_S);
            if (r >= 4.5) {
                event(events, listenerId, rating.item(), "like", at, -1);
            }
        } else if (r <= 1.5) {
            event(events, listenerId, rating.item(), "dislike", at, -1);
        } else if (r <= 2) {
            event(events, listenerId, rating.item(), "skip", at, DURATION_S / 20);
        } else {
            event(events, listenerId, rating.item(), "play", at, (int) Math.round(DURATION_S * (r - 2) / 2));
        }
    }

    /** One event; {@code position} below 0 leaves position and duration out. */
    static void event(XContentBuilder events, String listenerId, String item, String type, String at, int position) throws IOException {
        events.startObject().field("listener_id", listenerId).field("episode_id", item).field("type", type).field("timestamp", at);
        if (position >= 0) {
            events.field("position_s", position).field("duration_s", DURATION_S);
        }
        events.endObject();
    }
}
