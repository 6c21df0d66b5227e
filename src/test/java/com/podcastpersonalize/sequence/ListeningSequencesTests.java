package com.podcastpersonalize.sequence;

import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.ListenerEvent;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.ResolvedEvent;

import org.opensearch.test.OpenSearchTestCase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class ListeningSequencesTests extends OpenSearchTestCase {

    private final Map<String, EpisodeFeatures> episodes = new HashMap<>();
    private final List<ResolvedEvent> events = new ArrayList<>();
    private int ids;

    private void episode(String id, float... vector) {
        episodes.put(id, new EpisodeFeatures(vector, null, List.of(), null));
    }

    private void event(String listener, String episode, EventType type, long time) {
        ListenerEvent event = new ListenerEvent("ev" + (ids++), listener, episode, type, time, null, null, null, null);
        events.add(new ResolvedEvent(event, episodes.get(episode), null));
    }

    public void testEachListenerLikedEpisodesOnceOldestFirstAtTheirLatestEvent() {
        episode("a", 1, 0);
        episode("b", 0, 1);
        episode("c", 1, 1);
        episode("d", -1, 0);
        event("u1", "a", EventType.COMPLETE, 1);
        event("u1", "b", EventType.LIKE, 2);
        event("u1", "c", EventType.COMPLETE, 3);
        event("u1", "a", EventType.LIKE, 4); // liked again later: a moves to the end
        event("u1", "c", EventType.SKIP, 5); // the latest event on c pushed it away
        event("u1", "d", EventType.SEARCH, 6); // not heard
        event("u2", "d", EventType.COMPLETE, 1);
        event("u2", "missing", EventType.COMPLETE, 2); // no vector: not in the catalogue
        event("u2", "b", EventType.COMPLETE, 3);
        event("u3", "a", EventType.COMPLETE, 1); // one liked episode: no sequence

        ListeningSequences.Built built = ListeningSequences.build(events, episodes);
        ItemCatalogue catalogue = built.catalogue();
        assertEquals(4, catalogue.size());
        List<List<String>> sequences = built.sequences().stream().map(s -> java.util.Arrays.stream(s).mapToObj(catalogue::id).toList()).toList();
        assertEquals(List.of(List.of("b", "a"), List.of("d", "b")), sequences);
    }

    public void testTooFewSequencesSayHowManyAreNeeded() {
        episode("a", 1, 0);
        episode("b", 0, 1);
        event("u1", "a", EventType.COMPLETE, 1);
        event("u1", "b", EventType.COMPLETE, 2);
        event("u2", "a", EventType.SKIP, 1);
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> ListeningSequences.build(events, episodes));
        assertTrue(e.getMessage(), e.getMessage().contains("too few listening sequences to learn from: 1 listener(s)"));
        e = expectThrows(IllegalArgumentException.class, () -> ListeningSequences.build(List.of(), Map.of()));
        assertTrue(e.getMessage(), e.getMessage().contains("no event names an episode with a text vector"));
    }
}
