package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.query.ListenerInterests;

import org.opensearch.core.action.ActionListener;
import org.opensearch.test.OpenSearchTestCase;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.podcastpersonalize.listeners.ProfileFixtures.CONFIG;
import static com.podcastpersonalize.listeners.ProfileFixtures.DAY;
import static com.podcastpersonalize.listeners.ProfileFixtures.event;
import static com.podcastpersonalize.listeners.ProfileFixtures.v;

public class ProfileInterestsSourceTests extends OpenSearchTestCase {

    public void testUnknownListenerGetsPopularity() {
        ListenerInterests interests = load(new ProfileInterestsSource(ListenerIds.plain(), (id, l) -> l.onResponse(null), NO_COLLABORATIVE), "nobody");
        assertEquals(ListenerInterests.Strategy.POPULARITY, interests.strategy());
        assertTrue(interests.interests().isEmpty());
        assertNull(interests.audioInterest());
    }

    public void testOnlyDeclaredTopicsGiveDeclaredTopicsAtFullStrength() {
        Profile profile = new Profile("u1");
        profile.declaredTopics(List.of(new Profile.DeclaredTopic("jazz", v(1, 0)), new Profile.DeclaredTopic("history", v(0, 1))));
        ListenerInterests interests = ProfileInterestsSource.interests(profile);
        assertEquals(ListenerInterests.Strategy.DECLARED_TOPICS, interests.strategy());
        assertEquals(List.of("jazz", "history"), interests.interests().stream().map(ListenerInterests.Interest::label).toList());
        assertEquals(1f, interests.interests().get(0).strength(), 0);
        assertArrayEquals(v(0, 1), interests.interests().get(1).vector(), 0);
    }

    /** The profile of the hand-computed case: interests jazz (mass 0.5) and true crime (0.3), short-term mostly the crime play. */
    public void testLearnedProfileGivesCentroidsThenShortThenLongTermInWords() {
        Profile profile = new Profile("u1");
        profile.declaredTopics(List.of(new Profile.DeclaredTopic("cooking", v(0.7f, 0.7f))));
        new ProfileUpdater(CONFIG).apply(profile, List.of(
            event(EventType.COMPLETE, "e1", 0, v(1, 0), "jazz"),
            event(EventType.PLAY, "e2", 10 * DAY, 900.0, 1800.0, v(0, 1), "true crime")
        ));
        ListenerInterests interests = ProfileInterestsSource.interests(profile);
        assertEquals(ListenerInterests.Strategy.INTERESTS, interests.strategy());
        List<String> labels = interests.interests().stream().map(ListenerInterests.Interest::label).toList();
        assertEquals(List.of("jazz", "true crime", "recently: true crime", "long-term: jazz, true crime"), labels);
        assertEquals(1f, interests.interests().get(0).strength(), 1e-6);
        assertEquals(0.6f, interests.interests().get(1).strength(), 1e-6);
        assertEquals(0.3f + 1f / 1024, interests.interests().get(2).strength(), 1e-6);
        assertEquals(NamedInterests.LONG_TERM_STRENGTH, interests.interests().get(3).strength(), 0);
        assertArrayEquals(v(1, 0), interests.interests().get(0).vector(), 1e-6f);
        float[] longTerm = interests.interests().get(3).vector(); // [0.5, 0.3] scaled to unit length
        assertEquals(0.5 / Math.sqrt(0.34), longTerm[0], 1e-6);
        assertEquals(List.of("e2", "e1"), interests.heardEpisodeIds());
        assertNull(interests.audioInterest());
    }

    public void testAudioInterestIsTheLongTermAudioDirection() {
        Profile profile = new Profile("u1");
        var event = new ResolvedEvent(
            new com.podcastpersonalize.events.ListenerEvent("x", "u1", "e1", EventType.COMPLETE, 0, null, null, null, null),
            new EpisodeFeatures(v(1, 0), v(3, 4), List.of(), null),
            null
        );
        new ProfileUpdater(CONFIG).apply(profile, List.of(event));
        assertArrayEquals(v(0.6f, 0.8f), ProfileInterestsSource.interests(profile).audioInterest(), 1e-6f);
    }

    public void testPseudonymizedIdIsWhatIsLoaded() {
        AtomicReference<String> asked = new AtomicReference<>();
        ListenerIds ids = ListenerIds.pseudonymizing(new org.opensearch.core.common.settings.SecureString("0123456789abcdef-key".toCharArray()));
        load(new ProfileInterestsSource(ids, (id, l) -> {
            asked.set(id);
            l.onResponse(null);
        }, NO_COLLABORATIVE), "u42");
        assertEquals("b68b164d2562f02a886eebbfe8d1d06cd96b5a09fb4aae566792438ffe5acdb8", asked.get());
    }

    public void testCollaborativeCandidatesAreSeededByTheHeardListOnlyWhenAsked() {
        Profile profile = new Profile("u1");
        new ProfileUpdater(CONFIG).apply(profile, List.of(new ResolvedEvent(
            new com.podcastpersonalize.events.ListenerEvent("x", "u1", "e1", EventType.COMPLETE, 0, null, null, null, null),
            new EpisodeFeatures(v(1, 0), null, List.of(), null),
            null
        )));
        AtomicReference<List<Profile.Heard>> seeded = new AtomicReference<>();
        var candidate = new ListenerInterests.CollaborativeCandidate("e9", 1f, "Episode one");
        ProfileInterestsSource source = new ProfileInterestsSource(
            ListenerIds.plain(),
            (id, l) -> l.onResponse(new ProfileStore.Versioned(profile, 0, 1)),
            (heard, l) -> {
                seeded.set(heard);
                l.onResponse(List.of(candidate));
            }
        );
        assertEquals(List.of(), load(source, "u1", false).collaborative());
        assertNull(seeded.get());
        assertEquals(List.of(candidate), load(source, "u1", true).collaborative());
        assertEquals(List.of("e1"), seeded.get().stream().map(Profile.Heard::episodeId).toList());
    }

    private static final java.util.function.BiConsumer<List<Profile.Heard>, ActionListener<List<ListenerInterests.CollaborativeCandidate>>> NO_COLLABORATIVE =
        (heard, l) -> l.onResponse(List.of());

    private static ListenerInterests load(ProfileInterestsSource source, String id) {
        return load(source, id, false);
    }

    private static ListenerInterests load(ProfileInterestsSource source, String id, boolean collaborative) {
        AtomicReference<ListenerInterests> result = new AtomicReference<>();
        source.load(id, collaborative, ActionListener.wrap(result::set, e -> { throw new AssertionError(e); }));
        return result.get();
    }
}
