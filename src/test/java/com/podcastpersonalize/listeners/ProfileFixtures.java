package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.ListenerEvent;

import java.util.List;

/** Small hand-made events and episodes for the profile tests. */
final class ProfileFixtures {

    static final long DAY = 86_400_000L;
    /** Long-term half-life 10 days, short-term 1 day, 5 interests joined from cosine 0.7, 3 heard episodes kept. */
    static final ProfileConfig CONFIG = new ProfileConfig(10 * DAY, DAY, 5, 0.7, 3);

    private ProfileFixtures() {}

    static ResolvedEvent event(EventType type, String episodeId, long time, float[] vector, String... topics) {
        return event(type, episodeId, time, null, null, vector, topics);
    }

    static ResolvedEvent event(EventType type, String episodeId, long time, Double position, Double duration, float[] vector, String... topics) {
        ListenerEvent event = new ListenerEvent(type.label() + "-" + episodeId + "-" + time, "u1", episodeId, type, time, position, duration, null, null);
        return new ResolvedEvent(event, new EpisodeFeatures(vector, null, List.of(topics), "show-" + episodeId), null);
    }

    static ResolvedEvent search(String query, long time, float[] queryVector) {
        ListenerEvent event = new ListenerEvent("search-" + time, "u1", null, EventType.SEARCH, time, null, null, null, query);
        return new ResolvedEvent(event, null, queryVector);
    }

    static float[] v(float... values) {
        return values;
    }
}
