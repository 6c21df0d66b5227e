package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.query.ListenerInterests.CollaborativeCandidate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A co-listening model held in memory, for computing the {@code collaborative} feature while events
 * are replayed (the learned ranker's training): the same likes, similarities and candidate scores as
 * the stored model and the query, without an index in between.
 */
public final class CoListening {

    private final Map<String, CollaborativeScores.StoredNeighbours> neighbours;

    private CoListening(Map<String, CollaborativeScores.StoredNeighbours> neighbours) {
        this.neighbours = neighbours;
    }

    /** Collects likes, then learns the model from them. */
    public static final class Learner {
        private final ListenerLikes likes = new ListenerLikes();

        /** One event of {@code listener} on {@code episode}, with its {@link com.podcastpersonalize.listeners.EventWeights} weight. */
        public void add(String listener, String episode, long timestamp, double weight) {
            likes.add(listener, episode, timestamp, weight);
        }

        public CoListening learn(CollaborativeTraining.Parameters parameters) {
            Map<String, CollaborativeScores.StoredNeighbours> byEpisode = new HashMap<>();
            for (ItemSimilarities.Neighbours n : ItemSimilarities.compute(likes.liked(parameters.maxLikesPerListener()), parameters.maxNeighbours(), parameters.minCoListeners())) {
                Float[] boxed = new Float[n.similarities().length];
                for (int i = 0; i < boxed.length; i++) {
                    boxed[i] = n.similarities()[i];
                }
                byEpisode.put(n.episodeId(), new CollaborativeScores.StoredNeighbours(null, List.of(n.ids()), List.of(boxed)));
            }
            return new CoListening(byEpisode);
        }
    }

    /** Episodes with neighbours. */
    public int size() {
        return neighbours.size();
    }

    /** A listener's candidates from their heard list, as {@link CollaborativeCandidatesLoader} computes them from the stored model. */
    public List<CollaborativeCandidate> candidates(List<Profile.Heard> heard, int maxSeeds, int limit) {
        Set<String> heardIds = new HashSet<>();
        heard.forEach(h -> heardIds.add(h.episodeId()));
        return CollaborativeScores.candidates(CollaborativeScores.seeds(heard, maxSeeds), neighbours, heardIds, limit);
    }
}
