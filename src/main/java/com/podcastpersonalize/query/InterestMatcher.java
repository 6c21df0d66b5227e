package com.podcastpersonalize.query;

import java.util.List;

/**
 * How close an episode is to a listener's interests: the best of its interests, where a weaker
 * interest needs a closer match to count as much. Shared by the query and the rescorer.
 */
public final class InterestMatcher {

    /** The best interest for an episode: its raw cosine, the strength-adjusted value ranking uses, and its label. */
    public record Match(float cosine, float value, String label) {}

    private final List<ListenerInterests.Interest> interests;
    private final UnitVector[] directions;
    private final float[] weights;

    public InterestMatcher(List<ListenerInterests.Interest> interests) {
        this.interests = interests;
        this.directions = new UnitVector[interests.size()];
        this.weights = new float[interests.size()];
        for (int i = 0; i < directions.length; i++) {
            directions[i] = UnitVector.of(interests.get(i).vector());
            weights[i] = weight(interests.get(i).strength());
        }
    }

    /** How much a cosine to an interest of this strength counts: from one half (weakest) to all of it. */
    public static float weight(float strength) {
        return 0.5f + 0.5f * strength;
    }

    /** The best match, or null when the listener has no interests. */
    public Match best(float[] episodeVector) {
        return best(episodeVector, UnitVector.norm(episodeVector));
    }

    /** The best match for an episode vector whose length is already known. */
    public Match best(float[] episodeVector, float norm) {
        float[] cosines = new float[directions.length];
        for (int i = 0; i < directions.length; i++) {
            cosines[i] = directions[i].cosine(episodeVector, norm);
        }
        return fromCosines(cosines);
    }

    /**
     * The best match given an episode's cosine to each interest, in the order of the interests this
     * matcher was made with (extra values after them are ignored).
     */
    public Match fromCosines(float[] cosines) {
        int best = -1;
        float bestCosine = 0;
        float bestValue = 0;
        for (int i = 0; i < directions.length; i++) {
            float cosine = cosines[i];
            float value = cosine * weights[i];
            if (best < 0 || value > bestValue) {
                best = i;
                bestCosine = cosine;
                bestValue = value;
            }
        }
        return best < 0 ? null : new Match(bestCosine, bestValue, interests.get(best).label());
    }
}
