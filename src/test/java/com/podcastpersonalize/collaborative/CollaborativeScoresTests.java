package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.query.ListenerInterests.CollaborativeCandidate;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;
import java.util.Map;
import java.util.Set;

public class CollaborativeScoresTests extends OpenSearchTestCase {

    private static final Map<String, CollaborativeScores.StoredNeighbours> STORED = Map.of(
        "s1", new CollaborativeScores.StoredNeighbours("Seed One", List.of("x", "y", "heard"), List.of(0.5, 0.2, 0.9)),
        "s2", new CollaborativeScores.StoredNeighbours(null, List.of("y", "z"), List.of(0.6, 0.1))
    );

    public void testScoresSumWeightedSimilaritiesAsShareOfTheBest() {
        List<CollaborativeScores.Seed> seeds = List.of(new CollaborativeScores.Seed("s1", 1f), new CollaborativeScores.Seed("s2", 0.5f), new CollaborativeScores.Seed("unknown", 1f));
        List<CollaborativeCandidate> candidates = CollaborativeScores.candidates(seeds, STORED, Set.of("heard"), 10);
        // x = 1 x 0.5 = 0.5; y = 1 x 0.2 + 0.5 x 0.6 = 0.5; z = 0.5 x 0.1 = 0.05; ties by id
        assertEquals(List.of("x", "y", "z"), candidates.stream().map(CollaborativeCandidate::episodeId).toList());
        assertEquals(1f, candidates.get(0).value(), 1e-6f);
        assertEquals(1f, candidates.get(1).value(), 1e-6f);
        assertEquals(0.1f, candidates.get(2).value(), 1e-6f);
        assertEquals("Seed One", candidates.get(0).because());
        assertEquals("s2", candidates.get(1).because()); // 0.3 from s2 beats 0.2 from s1; no title stored: the id
    }

    public void testHeardEpisodesAreLeftOutAndTheListIsCut() {
        List<CollaborativeCandidate> candidates = CollaborativeScores.candidates(List.of(new CollaborativeScores.Seed("s1", 1f)), STORED, Set.of("heard"), 1);
        assertEquals(List.of("x"), candidates.stream().map(CollaborativeCandidate::episodeId).toList());
        assertEquals(List.of(), CollaborativeScores.candidates(List.of(new CollaborativeScores.Seed("nothing", 1f)), STORED, Set.of(), 5));
    }
}
