package com.podcastpersonalize.ranker;

import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.ListenerEvent;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.ProfileConfig;
import com.podcastpersonalize.listeners.ResolvedEvent;
import com.podcastpersonalize.query.PersonalFeatures;

import org.opensearch.test.OpenSearchTestCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

public class RankerExamplesTests extends OpenSearchTestCase {

    private static final long DAY = 86_400_000L;
    private static final long MINUTE = 60_000L;
    private static final ProfileConfig PROFILES = new ProfileConfig(90 * DAY, 3 * DAY, 5, 0.7, 200);
    private static final RankerTrainingParameters SHARE_OF_EVENTS = new RankerTrainingParameters(new ValidationWindow.Share(0.2), ModelType.LOGISTIC, 2, 42);
    private static final Map<String, EpisodeFeatures> EPISODES = Map.of(
        "jazz-1", episode(1, 0),
        "jazz-2", episode(0.9f, 0.1f),
        "crime-1", episode(0, 1),
        "crime-2", episode(0.1f, 0.9f)
    );

    private static EpisodeFeatures episode(float x, float y) {
        return new EpisodeFeatures(new float[] { x, y }, null, List.of(), null);
    }

    private static ResolvedEvent event(String listener, EventType type, String episode, long time, Map<String, EpisodeFeatures> episodes) {
        return new ResolvedEvent(new ListenerEvent(listener + "-" + time, listener, episode, type, time, null, null, null, null), episodes.get(episode), null);
    }

    /** Two listeners, 20 days: each finishes their taste and skips the other, day after day. */
    private static TrainingEvents twoTastes(Map<String, EpisodeFeatures> episodes) {
        return twoTastes(episodes, DAY);
    }

    /** As {@link #twoTastes(Map)}, one event per listener every {@code step} ms instead of every day. */
    private static TrainingEvents twoTastes(Map<String, EpisodeFeatures> episodes, long step) {
        List<ResolvedEvent> events = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            events.add(event("jazz-fan", day % 3 == 0 ? EventType.SKIP : EventType.COMPLETE, day % 3 == 0 ? "crime-" + (1 + day % 2) : "jazz-" + (1 + day % 2), day * step, episodes));
            events.add(event("crime-fan", day % 3 == 0 ? EventType.SKIP : EventType.COMPLETE, day % 3 == 0 ? "jazz-" + (1 + day % 2) : "crime-" + (1 + day % 2), day * step + 1, episodes));
        }
        return new TrainingEvents(events, episodes, 0);
    }

    public void testRowsCarryThePersonalFeaturesAndTheCutCountsBackFromTheNewestEvent() {
        RankerExamples.Built built = RankerExamples.build(twoTastes(EPISODES), new RankerTrainingParameters(new ValidationWindow.Days(7), ModelType.LOGISTIC, 2, 42), PROFILES, 100, 200, () -> false);
        assertEquals(PersonalFeatures.NAMES, built.set().featureNames());
        assertEquals(20 * DAY + 1 - 7 * DAY, built.validationCut());
        assertEquals(built.examples(), built.set().size());
        assertTrue("positives and negatives: " + built.positives() + " of " + built.examples(), built.positives() > 0 && built.positives() < built.examples());
        assertTrue(built.set().rows().stream().anyMatch(r -> r.timestamp() >= built.validationCut()));
        assertTrue(built.set().rows().stream().anyMatch(r -> r.timestamp() < built.validationCut()));
        assertEquals(java.util.Set.of("jazz-fan", "crime-fan"), built.set().rows().stream().map(TrainingRow::group).collect(java.util.stream.Collectors.toSet()));
    }

    public void testEventsMinutesApartSplitByTheirLatestShare() {
        TrainingEvents twentyMinutes = twoTastes(EPISODES, MINUTE);
        RankerExamples.Built built = RankerExamples.build(twentyMinutes, SHARE_OF_EVENTS, PROFILES, 100, 200, () -> false);
        // 40 events, the latest 8 validate: the cut is the first event of minute 17
        assertEquals(17 * MINUTE, built.validationCut());
        assertTrue(built.set().rows().stream().anyMatch(r -> r.timestamp() >= built.validationCut()));
        assertTrue(built.set().rows().stream().anyMatch(r -> r.timestamp() < built.validationCut()));

        IllegalArgumentException days = expectThrows(IllegalArgumentException.class, () -> RankerExamples.build(
            twentyMinutes, RankerTrainingParameters.defaults(), PROFILES, 100, 200, () -> false));
        assertTrue(days.getMessage(), days.getMessage().startsWith("[validation_days] 7 leaves no events to train on: all 40 events are within the last 7 days"));
    }

    public void testTheCutIsPlacedAmongTheEventsOnTheCatalogueOnly() {
        // an events index shared with another catalogue: 1,000 older events on episodes this one does not hold
        List<ResolvedEvent> events = new ArrayList<>(twoTastes(EPISODES, MINUTE).events());
        for (int i = 0; i < 1000; i++) {
            events.add(event("movie-fan", EventType.COMPLETE, "movie-" + i, -DAY * 365 + i * MINUTE, EPISODES));
        }
        RankerExamples.Built built = RankerExamples.build(new TrainingEvents(events, EPISODES, 0), SHARE_OF_EVENTS, PROFILES, 100, 200, () -> false);
        assertEquals("as without the other catalogue's events", 17 * MINUTE, built.validationCut());
    }

    public void testNothingToLearnFromIsSaidPlainly() {
        IllegalArgumentException none = expectThrows(IllegalArgumentException.class, () -> RankerExamples.build(
            new TrainingEvents(List.of(), Map.of(), 0), RankerTrainingParameters.defaults(), PROFILES, 100, 200, () -> false));
        assertEquals("no listening events to learn from: the events index holds none", none.getMessage());
        List<ResolvedEvent> unknownEpisodes = List.of(event("u", EventType.COMPLETE, "gone", DAY, Map.of()));
        IllegalArgumentException unknown = expectThrows(IllegalArgumentException.class, () -> RankerExamples.build(
            new TrainingEvents(unknownEpisodes, Map.of(), 0), RankerTrainingParameters.defaults(), PROFILES, 100, 200, () -> false));
        assertEquals("none of the 1 events names an episode of the episodes index: there is nothing to learn from", unknown.getMessage());
    }

    public void testANaNVectorIsRefusedNamingTheEpisode() {
        Map<String, EpisodeFeatures> withNaN = new java.util.HashMap<>(EPISODES);
        withNaN.put("jazz-2", new EpisodeFeatures(new float[] { Float.NaN, 0.1f }, null, List.of(), null));
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> RankerExamples.build(
            twoTastes(withNaN), RankerTrainingParameters.defaults(), PROFILES, 100, 200, () -> false));
        assertEquals("episode [jazz-2] has a vector value that is not a finite number [NaN]", e.getMessage());
    }

    public void testTheReplayStopsWhenCancelled() {
        List<ResolvedEvent> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(event("u" + i % 7, EventType.COMPLETE, i % 2 == 0 ? "jazz-1" : "crime-1", i * 60_000L, EPISODES));
        }
        expectThrows(CancellationException.class, () -> RankerExamples.build(
            new TrainingEvents(many, EPISODES, 0), SHARE_OF_EVENTS, PROFILES, 100, 200, () -> true));
    }
}
