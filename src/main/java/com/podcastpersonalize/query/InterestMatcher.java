package com.podcastpersonalize.query;

import com.podcastpersonalize.model.VectorMath;

import java.util.List;

/**
 * How close an episode is to a listener's interests: the best of its interests, where a weaker
 * interest needs a closer match to count as much. Shared by the query and the rescorer.
 */
public final class InterestMatcher {

    /** The best interest for an episode: its raw cosine, the strength-adjusted value ranking uses, and its label. */
    public record Match(float cosine, float value, String label) {}

    private final List<ListenerInterests.Interest> interests;

    public InterestMatcher(List<ListenerInterests.Interest> interests) {
        this.interests = interests;
    }

    /** The best match, or null when the listener has no interests. */
    public Match best(float[] episodeVector) {
        Match best = null;
        for (ListenerInterests.Interest interest : interests) {
            float cosine = (float) VectorMath.cosine(episodeVector, interest.vector());
            float value = cosine * (0.5f + 0.5f * interest.strength());
            if (best == null || value > best.value()) {
                best = new Match(cosine, value, interest.label());
            }
        }
        return best;
    }
}
