package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A profile in words, for {@code GET /_plugins/podcast/listeners/{id}}; vectors only when asked for. */
public final class ProfileView {

    /** Recently heard episodes shown (the profile keeps more). */
    static final int HEARD_SHOWN = 20;

    private ProfileView() {}

    public static void write(String listenerId, Profile profile, boolean includeVectors, XContentBuilder builder) throws IOException {
        builder.startObject();
        builder.field("listener_id", listenerId);
        if (!listenerId.equals(profile.listenerId())) {
            builder.field("stored_as", profile.listenerId());
        }
        builder.field("strategy", ProfileInterestsSource.interests(profile).strategy().label());
        builder.startObject("counts");
        for (Map.Entry<EventType, Long> count : profile.counts().entrySet()) {
            builder.field(count.getKey().label(), count.getValue());
        }
        builder.endObject();
        builder.field("last_update", Instant.ofEpochMilli(profile.updatedAt()).toString());
        if (profile.referenceTime() >= 0) {
            builder.field("last_event_at", Instant.ofEpochMilli(profile.referenceTime()).toString());
        }
        builder.startArray("interests");
        for (NamedInterests.Named interest : NamedInterests.learned(profile)) {
            interest(builder, interest, includeVectors);
        }
        builder.endArray();
        builder.field("topics", profile.topics().top(10));
        builder.startArray("declared_topics");
        for (NamedInterests.Named interest : NamedInterests.declared(profile)) {
            interest(builder, interest, includeVectors);
        }
        builder.endArray();
        builder.field("subscribed_shows", List.copyOf(profile.subscribedShows()));
        builder.field("recently_heard", profile.heard().stream().limit(HEARD_SHOWN).map(Profile.Heard::episodeId).toList());
        builder.field("recently_heard_total", profile.heard().size());
        if (includeVectors) {
            float[] audio = NamedInterests.audio(profile);
            if (audio != null) {
                builder.field("audio_interest", audio);
            }
        }
        builder.endObject();
    }

    private static void interest(XContentBuilder builder, NamedInterests.Named interest, boolean includeVectors) throws IOException {
        builder.startObject();
        builder.field("kind", interest.kind().name().toLowerCase(java.util.Locale.ROOT));
        builder.field("label", interest.label());
        builder.field("strength", Math.round(interest.strength() * 1000) / 1000.0);
        builder.field("topics", interest.topics());
        if (includeVectors) {
            builder.field("vector", interest.vector());
        }
        builder.endObject();
    }
}
