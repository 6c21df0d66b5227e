package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.podcastpersonalize.listeners.ProfileFixtures.CONFIG;
import static com.podcastpersonalize.listeners.ProfileFixtures.DAY;
import static com.podcastpersonalize.listeners.ProfileFixtures.event;
import static com.podcastpersonalize.listeners.ProfileFixtures.search;
import static com.podcastpersonalize.listeners.ProfileFixtures.v;

public class ProfileCodecTests extends OpenSearchTestCase {

    /** A profile with every part set: text and audio vectors, several interests, topics, heard weights, shows, declared topics. */
    private static Profile fullProfile() {
        Profile profile = new Profile("u1");
        profile.declaredTopics(List.of(new Profile.DeclaredTopic("jazz", v(0.6f, 0.8f, 0)), new Profile.DeclaredTopic("crime", v(0, 0, 1))));
        List<ResolvedEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            float[] vector = new float[3];
            vector[i % 3] = 1;
            events.add(new ResolvedEvent(
                event(EventType.values()[i % 6], "e" + (i % 7), i * DAY / 2, v(0)).event(),
                new EpisodeFeatures(vector, v(i, 1), List.of("topic" + (i % 3), "all"), "show" + (i % 2)),
                null
            ));
        }
        events.add(search("history of jazz", 13 * DAY / 2, v(0.5f, 0.5f, 0.7f)));
        new ProfileUpdater(CONFIG).apply(profile, events);
        profile.updatedAt(1_800_000_000_000L);
        return profile;
    }

    public void testStoredProfileReadsBackTheSame() throws Exception {
        Profile profile = fullProfile();
        assertTrue("interests", profile.interests().size() > 1);
        assertNotNull(profile.longAudio());
        Profile read = readBack(profile, ProfileCodec.contentBuilder());
        assertSame(profile, read);
    }

    public void testTheStateIsRawBytesInCborAndBase64InJson() throws Exception {
        Profile profile = fullProfile();
        XContentBuilder cbor = ProfileCodec.contentBuilder();
        ProfileCodec.write(profile, cbor);
        XContentBuilder json = JsonXContent.contentBuilder();
        ProfileCodec.write(profile, json);
        assertTrue("cbor " + BytesReference.bytes(cbor).length() + " json " + BytesReference.bytes(json).length(),
            BytesReference.bytes(cbor).length() < BytesReference.bytes(json).length());
        assertTrue(json.toString(), json.toString().contains("\"state\":\""));
        assertSame(profile, parse(json)); // what a reindex through JSON gives
    }

    @SuppressWarnings("unchecked")
    public void testProfilesStoredWithTheStateAsAnObjectStillRead() throws Exception {
        Map<String, Object> legacy = Map.of(
            ProfileCodec.LISTENER_ID, "u1",
            ProfileCodec.UPDATED_AT, 5L,
            ProfileCodec.COUNTS, Map.of("play", 2),
            ProfileCodec.SUBSCRIBED_SHOWS, List.of("s1"),
            ProfileCodec.STATE, Map.of(
                "reference_time", 1000L,
                "long_text", Map.of("mass", 1.5, "sum", ProfileCodec.encode(v(1, 2))),
                "interests", List.of(Map.of("mass", 1.0, "sum", ProfileCodec.encode(v(0, 1)), "topics", Map.of("jazz", 0.5))),
                "topics", Map.of("jazz", 0.5),
                "heard_ids", List.of("e2", "e1"),
                "heard_times", List.of(900L, 800L),
                "declared", List.of(Map.of("label", "jazz", "vector", ProfileCodec.encode(v(1, 0))))
            )
        );
        Profile profile = ProfileCodec.read(legacy);
        assertEquals(Map.of(EventType.PLAY, 2L), profile.counts());
        assertEquals(1000L, profile.referenceTime());
        assertEquals(1.5, profile.longText().mass(), 0);
        assertArrayEquals(new double[] { 1, 2 }, profile.longText().sum(), 0);
        assertEquals(1, profile.interests().size());
        assertEquals(List.of(new Profile.Heard("e2", 900L, 0f), new Profile.Heard("e1", 800L, 0f)), profile.heard());
        assertEquals("jazz", profile.declaredTopics().get(0).label());
        assertEquals(List.of("s1"), List.copyOf(profile.subscribedShows()));
    }

    private static Profile readBack(Profile profile, XContentBuilder builder) throws Exception {
        ProfileCodec.write(profile, builder);
        return parse(builder);
    }

    private static Profile parse(XContentBuilder builder) throws Exception {
        try (var parser = builder.contentType().xContent().createParser(null, null, BytesReference.bytes(builder).streamInput())) {
            return ProfileCodec.read(parser.map());
        }
    }

    /** Equal as stored: vectors at float32 precision, everything else exactly. */
    private static void assertSame(Profile expected, Profile actual) {
        assertEquals(expected.listenerId(), actual.listenerId());
        assertEquals(expected.updatedAt(), actual.updatedAt());
        assertEquals(expected.referenceTime(), actual.referenceTime());
        assertEquals(expected.counts(), actual.counts());
        assertVector(expected.longText(), actual.longText());
        assertVector(expected.shortText(), actual.shortText());
        assertVector(expected.longAudio(), actual.longAudio());
        assertVector(expected.shortAudio(), actual.shortAudio());
        assertEquals(expected.interests().size(), actual.interests().size());
        for (int i = 0; i < expected.interests().size(); i++) {
            assertVector(expected.interests().get(i).vector(), actual.interests().get(i).vector());
            assertEquals(expected.interests().get(i).topics().asMap(), actual.interests().get(i).topics().asMap());
        }
        assertEquals(expected.topics().asMap(), actual.topics().asMap());
        assertEquals(expected.heard(), actual.heard());
        assertEquals(expected.subscribedShows(), actual.subscribedShows());
        assertEquals(expected.declaredTopics().size(), actual.declaredTopics().size());
        for (int i = 0; i < expected.declaredTopics().size(); i++) {
            assertEquals(expected.declaredTopics().get(i).label(), actual.declaredTopics().get(i).label());
            assertArrayEquals(expected.declaredTopics().get(i).vector(), actual.declaredTopics().get(i).vector(), 0);
        }
    }

    private static void assertVector(DecayedVector expected, DecayedVector actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertEquals(expected.mass(), actual.mass(), 0);
        assertEquals(expected.dimension(), actual.dimension());
        for (int i = 0; i < expected.dimension(); i++) {
            assertEquals((float) expected.sum()[i], actual.sum()[i], 0);
        }
    }
}
