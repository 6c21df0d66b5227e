package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;

import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.podcastpersonalize.listeners.ProfileFixtures.CONFIG;
import static com.podcastpersonalize.listeners.ProfileFixtures.DAY;
import static com.podcastpersonalize.listeners.ProfileFixtures.event;
import static com.podcastpersonalize.listeners.ProfileFixtures.search;
import static com.podcastpersonalize.listeners.ProfileFixtures.v;

public class ProfileUpdaterTests extends OpenSearchTestCase {

    private final ProfileUpdater updater = new ProfileUpdater(CONFIG);

    /**
     * complete [1,0] at day 0 (weight 1), half a play of [0,1] at day 10 (weight 0.6 × 0.5 = 0.3).
     * At day 10 the first counts 0.5 long-term (one 10-day half-life) and 2^-10 short-term.
     */
    public void testDecayAndWeightsHandComputed() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(
            event(EventType.COMPLETE, "e1", 0, v(1, 0), "jazz"),
            event(EventType.PLAY, "e2", 10 * DAY, 900.0, 1800.0, v(0, 1), "true crime")
        ));
        assertSum(profile.longText(), 0.8, 0.5, 0.3);
        assertSum(profile.shortText(), 0.3 + 1.0 / 1024, 1.0 / 1024, 0.3);
        assertEquals(10 * DAY, profile.referenceTime());
        assertEquals(Map.of(EventType.COMPLETE, 1L, EventType.PLAY, 1L), profile.counts());
        assertEquals(0.5, profile.topics().asMap().get("jazz"), 1e-12);
        assertEquals(0.3, profile.topics().asMap().get("true crime"), 1e-12);
        assertEquals(List.of("jazz", "true crime"), profile.topics().top(5));
        // orthogonal episodes: two interests
        assertEquals(2, profile.interests().size());
        assertSum(profile.interests().get(0).vector(), 0.5, 0.5, 0);
        assertSum(profile.interests().get(1).vector(), 0.3, 0, 0.3);
        assertEquals(List.of("e2", "e1"), profile.heard().stream().map(Profile.Heard::episodeId).toList());
    }

    public void testPlayWithoutPositionCountsHalfListened() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(event(EventType.PLAY, "e1", 0, v(1, 0))));
        assertSum(profile.longText(), 0.3, 0.3, 0);
    }

    public void testOrderOfArrivalDoesNotChangeTheDecayedSums() {
        ResolvedEvent early = event(EventType.LIKE, "e1", 0, v(1, 0), "jazz");
        ResolvedEvent late = event(EventType.COMPLETE, "e2", 10 * DAY, v(0, 1), "true crime");
        Profile inOrder = new Profile("u1");
        updater.apply(inOrder, List.of(early));
        updater.apply(inOrder, List.of(late));
        Profile reversed = new Profile("u1");
        updater.apply(reversed, List.of(late)); // the older event arrives in a later request
        updater.apply(reversed, List.of(early));
        assertSum(reversed.longText(), 0.4 + 1.0, 0.4, 1.0);
        assertSum(inOrder.longText(), 0.4 + 1.0, 0.4, 1.0);
        assertSum(reversed.shortText(), inOrder.shortText().mass(), inOrder.shortText().sum()[0], inOrder.shortText().sum()[1]);
        assertEquals(10 * DAY, reversed.referenceTime());
    }

    public void testDislikeAndSkipPushAway() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(
            event(EventType.COMPLETE, "e1", 0, v(1, 0), "jazz"),
            event(EventType.DISLIKE, "e2", 0, v(1, 0), "jazz"),
            event(EventType.SKIP, "e3", 0, v(0, 1), "news")
        ));
        // 1 - 0.8 on the first axis, -0.3 on the second; negative weights add no mass
        assertSum(profile.longText(), 1.0, 0.2, -0.3);
        assertEquals(0.2, profile.topics().asMap().get("jazz"), 1e-12);
        assertEquals(List.of("jazz"), profile.topics().top(5)); // news has a negative weight: not an interest
        // the dislike was close to the only interest: pushed it back; the skip was not close to it
        assertEquals(1, profile.interests().size());
        assertSum(profile.interests().get(0).vector(), 1.0, 0.2, 0);
    }

    public void testSearchMovesOnlyTheShortTermInterest() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(search("history of jazz", 0, v(0, 1))));
        assertNull(profile.longText());
        assertTrue(profile.interests().isEmpty());
        assertSum(profile.shortText(), 0.6, 0, 0.6);
        assertEquals(Map.of(EventType.SEARCH, 1L), profile.counts());
        assertTrue(profile.heard().isEmpty());
    }

    public void testSubscribeAddsTheEpisodesShow() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(event(EventType.SUBSCRIBE, "e9", 0, v(1, 0))));
        assertEquals(List.of("show-e9"), List.copyOf(profile.subscribedShows()));
        assertSum(profile.longText(), 0.5, 0.5, 0);
    }

    public void testFullInterestSetSendsNewEpisodesToTheNearest() {
        Profile profile = new Profile("u1");
        new ProfileUpdater(new ProfileConfig(10 * DAY, DAY, 2, 0.7, 10)).apply(profile, List.of(
            event(EventType.COMPLETE, "a", 0, v(1, 0, 0)),
            event(EventType.COMPLETE, "b", 1, v(0, 1, 0)),
            event(EventType.COMPLETE, "c", 2, v(0.6f, 0, 0.8f))
        ));
        assertEquals(2, profile.interests().size());
        double decay = Decay.factor(1, 2, 10 * DAY); // a and b were brought forward two and one ms
        assertEquals(0.6 + Decay.factor(0, 2, 10 * DAY), profile.interests().get(0).vector().sum()[0], 1e-6);
        assertEquals(0.8, profile.interests().get(0).vector().sum()[2], 1e-6);
        assertEquals(decay, profile.interests().get(1).vector().sum()[1], 1e-12);
    }

    /** [1,0] then [0.6,0.8] (cosine 0.6: a second interest), then [0.8,0.6] joins the second, which is now 0.707 from the first: they merge. */
    public void testInterestsThatGrowCloseMerge() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(event(EventType.COMPLETE, "a", 0, v(1, 0), "jazz"), event(EventType.COMPLETE, "b", 0, v(0.6f, 0.8f), "blues")));
        assertEquals(2, profile.interests().size());
        updater.apply(profile, List.of(event(EventType.COMPLETE, "c", 0, v(0.8f, 0.6f), "blues")));
        assertEquals(1, profile.interests().size());
        assertSum(profile.interests().get(0).vector(), 3.0, 2.4, 1.4);
        assertEquals(List.of("blues", "jazz"), profile.interests().get(0).topics().top(3));
    }

    /**
     * Three interests [1,0,0], [0,1,0], [0.6,0,0.8]; then [0.8,0,0.6] joins the third (cosine 0.96), which is now
     * 0.707 from the first: the third merges into the first (the earlier keeps its place), the second is left as it is.
     */
    public void testTheChangedInterestMergesIntoAnEarlierOne() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(event(EventType.COMPLETE, "a", 0, v(1, 0, 0)), event(EventType.COMPLETE, "b", 0, v(0, 1, 0)),
            event(EventType.COMPLETE, "c", 0, v(0.6f, 0, 0.8f))));
        assertEquals(3, profile.interests().size());
        updater.apply(profile, List.of(event(EventType.COMPLETE, "d", 0, v(0.8f, 0, 0.6f))));
        assertEquals(2, profile.interests().size());
        assertSum(profile.interests().get(0).vector(), 3.0, 2.4, 0, 1.4);
        assertSum(profile.interests().get(1).vector(), 1.0, 0, 1, 0);
    }

    /** The cosines' partial sums agree with the plain definition, for lengths that are and are not multiples of four. */
    public void testCosinesMatchTheirDefinition() {
        for (int dimension : new int[] { 1, 3, 4, 7, 384 }) {
            float[] x = new float[dimension];
            float[] y = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                x[i] = (float) randomDoubleBetween(-1, 1, true);
                y[i] = (float) randomDoubleBetween(-1, 1, true);
            }
            DecayedVector sum = new DecayedVector(dimension);
            sum.add(x, 2.5);
            DecayedVector other = new DecayedVector(dimension);
            other.add(y, 0.5);
            double dot = 0, xx = 0, yy = 0;
            for (int i = 0; i < dimension; i++) {
                dot += (double) x[i] * y[i];
                xx += (double) x[i] * x[i];
                yy += (double) y[i] * y[i];
            }
            assertEquals(yy, DecayedVector.squaredNorm(y), 1e-9);
            assertEquals(dot / Math.sqrt(xx * yy), sum.cosine(y), 1e-9);
            assertEquals(dot / Math.sqrt(xx * yy), sum.cosine(other), 1e-9);
        }
        assertEquals(0, new DecayedVector(3).cosine(new float[] { 1, 0, 0 }), 0);
    }

    public void testRecentlyHeardIsBoundedLatestFirstAndDeduplicated() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(
            event(EventType.PLAY, "a", 1, v(1, 0)),
            event(EventType.PLAY, "b", 2, v(1, 0)),
            event(EventType.PLAY, "c", 3, v(1, 0)),
            event(EventType.COMPLETE, "a", 4, v(1, 0)),
            event(EventType.PLAY, "d", 0, v(1, 0))
        ));
        assertEquals(List.of("a", "c", "b"), profile.heard().stream().map(Profile.Heard::episodeId).toList());
    }

    /** Events out of time order land in their place: latest first, ties by episode id, as a sort of the whole list would put them. */
    public void testRecentlyHeardKeepsItsOrderWhateverTheArrivalOrder() {
        Profile profile = new Profile("u1");
        ProfileUpdater updater = new ProfileUpdater(new ProfileConfig(10 * DAY, DAY, 2, 0.7, 10));
        for (long time : new long[] { 5, 1, 9, 3, 7 }) {
            updater.apply(profile, List.of(event(EventType.PLAY, "t" + time, time, v(1, 0))));
        }
        updater.apply(profile, List.of(event(EventType.PLAY, "z", 3, v(1, 0)), event(EventType.PLAY, "b", 3, v(1, 0))));
        assertEquals(List.of("t9", "t7", "t5", "b", "t3", "z", "t1"), profile.heard().stream().map(Profile.Heard::episodeId).toList());
        List<Profile.Heard> sorted = new java.util.ArrayList<>(profile.heard());
        sorted.sort(ProfileUpdater.HEARD_ORDER);
        assertEquals(sorted, profile.heard());
    }

    public void testHeardKeepsHowTheLatestEventTookTheEpisode() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(
            event(EventType.LIKE, "a", 1, v(1, 0)),
            event(EventType.COMPLETE, "a", 1, v(1, 0)),
            event(EventType.COMPLETE, "b", 1, v(1, 0)),
            event(EventType.SKIP, "b", 2, v(1, 0))
        ));
        Map<String, Profile.Heard> heard = new HashMap<>();
        profile.heard().forEach(h -> heard.put(h.episodeId(), h));
        assertEquals(1.0f, heard.get("a").weight(), 0f); // like and complete at one time: the stronger
        assertTrue(heard.get("a").positive());
        assertEquals(-0.3f, heard.get("b").weight(), 1e-6f); // skipped after finishing: the latest
        assertFalse(heard.get("b").positive());
    }

    public void testIncrementalThroughStorageEqualsOneReplay() throws Exception {
        List<ResolvedEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            float[] vector = new float[8];
            vector[i % 3] = 1;
            vector[3 + i % 5] = 0.5f;
            EventType type = EventType.values()[i % 5];
            events.add(event(type, "e" + (i % 17), i * DAY / 3, 100.0 + i, 1800.0, vector, "topic" + (i % 3)));
            if (i % 7 == 0) {
                events.add(search("query " + i, i * DAY / 3 + 1, vector));
            }
        }
        Profile incremental = new Profile("u1");
        for (int start = 0; start < events.size(); start += 9) {
            updater.apply(incremental, events.subList(start, Math.min(events.size(), start + 9)));
            incremental = roundTrip(incremental);
        }
        Profile replayed = new Profile("u1");
        updater.apply(replayed, events);
        assertEquals(replayed.counts(), incremental.counts());
        assertSum(incremental.longText(), replayed.longText().mass(), replayed.longText().sum());
        assertSum(incremental.shortText(), replayed.shortText().mass(), replayed.shortText().sum());
        assertEquals(replayed.interests().size(), incremental.interests().size());
        for (int i = 0; i < replayed.interests().size(); i++) {
            assertSum(incremental.interests().get(i).vector(), replayed.interests().get(i).vector().mass(), replayed.interests().get(i).vector().sum());
        }
        assertEquals(replayed.heard(), incremental.heard());
        assertEquals(replayed.topics().top(10), incremental.topics().top(10));
    }

    public void testVectorsOfAnotherDimensionAreReported() {
        Profile profile = new Profile("u1");
        updater.apply(profile, List.of(event(EventType.COMPLETE, "a", 0, v(1, 0))));
        assertNull(ProfileUpdater.incompatibility(profile, event(EventType.COMPLETE, "b", 0, v(0, 1))));
        String why = ProfileUpdater.incompatibility(profile, event(EventType.COMPLETE, "b", 0, v(0, 1, 0)));
        assertTrue(why, why.contains("3 dimensions") && why.contains("has 2"));
    }

    static Profile roundTrip(Profile profile) throws Exception {
        XContentBuilder builder = ProfileCodec.contentBuilder();
        ProfileCodec.write(profile, builder);
        try (var parser = builder.contentType().xContent().createParser(null, null, BytesReference.bytes(builder).streamInput())) {
            return ProfileCodec.read(parser.map());
        }
    }

    private static void assertSum(DecayedVector vector, double mass, double... sum) {
        assertNotNull(vector);
        assertEquals("mass", mass, vector.mass(), 1e-5 * Math.max(1, Math.abs(mass)));
        assertEquals(sum.length, vector.dimension());
        for (int i = 0; i < sum.length; i++) {
            assertEquals("sum[" + i + "]", sum[i], vector.sum()[i], 1e-5 * Math.max(1, Math.abs(sum[i])));
        }
    }
}
