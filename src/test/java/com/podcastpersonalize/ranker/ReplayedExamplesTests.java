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

public class ReplayedExamplesTests extends OpenSearchTestCase {

    private static final long DAY = 86_400_000L;
    private static final int INTEREST = PersonalFeatures.NAMES.indexOf("interest");
    private static final int POPULARITY = PersonalFeatures.NAMES.indexOf("popularity");
    private static final int COLLABORATIVE = PersonalFeatures.NAMES.indexOf("collaborative");
    private static final Map<String, EpisodeFeatures> EPISODES = Map.of(
        "jazz-1", episode(1, 0),
        "jazz-2", episode(0.9f, 0.1f),
        "jazz-3", episode(0.95f, 0.05f),
        "crime-1", episode(0, 1),
        "crime-2", episode(0.1f, 0.9f)
    );
    private static final ReplayedExamples.Options OPTIONS = new ReplayedExamples.Options(
        10 * DAY, 1, 7, 10f, 100, 200, new ProfileConfig(90 * DAY, 3 * DAY, 5, 0.7, 200)
    );

    private static EpisodeFeatures episode(float x, float y) {
        return new EpisodeFeatures(new float[] { x, y }, null, List.of(), null);
    }

    private static ResolvedEvent event(String listener, EventType type, String episode, long time) {
        ListenerEvent event = new ListenerEvent(listener + "-" + episode + "-" + time, listener, episode, type, time, null, null, null, null);
        return new ResolvedEvent(event, EPISODES.get(episode), null);
    }

    public void testEachEventLabelsTheEpisodeAgainstTheProfileBeforeIt() {
        List<ResolvedEvent> events = List.of(
            event("u2", EventType.COMPLETE, "jazz-2", DAY / 2),
            event("u1", EventType.COMPLETE, "jazz-1", DAY),
            event("u1", EventType.COMPLETE, "jazz-2", 2 * DAY),
            event("u1", EventType.SKIP, "crime-1", 3 * DAY)
        );
        List<ReplayedExamples.Example> examples = ReplayedExamples.replay(events, EPISODES, OPTIONS, () -> false);
        // first events of a listener have no profile before them; jazz-2 is a positive with one sampled negative; the skip is a negative
        assertEquals(3, examples.size());
        ReplayedExamples.Example liked = examples.get(0);
        assertTrue(liked.positive());
        assertEquals(2 * DAY, liked.timestamp());
        assertTrue("close to the jazz interest", liked.features()[INTEREST] > 0.9f);
        assertEquals("jazz-2 was liked once before (by u2): popularity of 1 against pivot 10", Math.log(2) / (Math.log(2) + Math.log(11)), liked.features()[POPULARITY], 1e-6);
        ReplayedExamples.Example sampled = examples.get(1);
        assertFalse(sampled.positive());
        ReplayedExamples.Example skipped = examples.get(2);
        assertFalse(skipped.positive());
        assertTrue("far from the jazz interest", skipped.features()[INTEREST] < 0.2f);
    }

    public void testCoListeningLearnsOnlyFromEventsBeforeTheValidationCut() {
        List<ResolvedEvent> events = new ArrayList<>();
        for (String fan : List.of("fan-1", "fan-2")) {
            events.add(event(fan, EventType.COMPLETE, "jazz-1", DAY));
            events.add(event(fan, EventType.COMPLETE, "crime-2", 2 * DAY));
        }
        events.add(event("late-fan", EventType.COMPLETE, "jazz-1", 11 * DAY)); // after the cut: not learned
        events.add(event("late-fan", EventType.COMPLETE, "jazz-3", 11 * DAY + 1));
        events.add(event("u1", EventType.COMPLETE, "jazz-1", 12 * DAY));
        events.add(event("u1", EventType.COMPLETE, "crime-2", 13 * DAY));
        events.add(event("u1", EventType.COMPLETE, "jazz-3", 14 * DAY));
        List<ReplayedExamples.Example> ofU1 = ReplayedExamples.replay(events, EPISODES, OPTIONS, () -> false).stream()
            .filter(e -> e.listener().equals("u1") && e.positive()).toList();
        assertEquals(2, ofU1.size());
        assertEquals("fans of jazz-1 also finished crime-2", 1f, ofU1.get(0).features()[COLLABORATIVE], 1e-6f);
        assertEquals("jazz-1 and jazz-3 were co-listened only after the cut", 0f, ofU1.get(1).features()[COLLABORATIVE], 0f);
    }

    public void testCancellationStopsTheReplay() {
        List<ResolvedEvent> events = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            events.add(event("u" + (i % 7), EventType.PLAY, "jazz-" + (1 + i % 3), i));
        }
        expectThrows(CancellationException.class, () -> ReplayedExamples.replay(events, EPISODES, OPTIONS, () -> true));
    }
}
