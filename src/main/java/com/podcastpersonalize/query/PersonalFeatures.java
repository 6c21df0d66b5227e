package com.podcastpersonalize.query;

import com.podcastpersonalize.model.VectorMath;

import java.util.List;

/**
 * The features the learned ranker scores: the personal components of the blend, normalized as the
 * {@code saturation} blend does (the same values explain shows). Computed by the query on each
 * shard and by the training from replayed events, through this one class, so that a model sees at
 * query time exactly what it was trained on.
 */
public final class PersonalFeatures {

    public static final List<String> NAMES = List.of("interest", "audio", "popularity", "collaborative");

    private PersonalFeatures() {}

    /**
     * @param interests          the listener as the query knows them
     * @param textVector         the episode's text vector, or null
     * @param audioVector        the episode's audio vector, or null
     * @param popularity         the episode's popularity (plays), or NaN when unknown
     * @param popularityPivot    the popularity that counts as one half
     * @param collaborativeValue the episode's co-listening share of the listener's best, 0 when none
     */
    public static float[] of(
        ListenerInterests interests,
        float[] textVector,
        float[] audioVector,
        double popularity,
        float popularityPivot,
        float collaborativeValue
    ) {
        float interest = 0;
        if (textVector != null) {
            InterestMatcher.Match match = new InterestMatcher(interests.interests()).best(textVector);
            interest = match == null ? 0 : ScoreNormalization.clipCosine(match.value());
        }
        float audio = audioVector == null || interests.audioInterest() == null
            ? 0
            : ScoreNormalization.clipCosine((float) VectorMath.cosine(audioVector, interests.audioInterest()));
        float popular = Double.isNaN(popularity) ? 0 : ScoreNormalization.popularity(popularity, popularityPivot);
        return ordered(interest, audio, popular, collaborativeValue);
    }

    /** Normalized component values as a feature vector, in {@link #NAMES} order. */
    public static float[] ordered(float interest, float audio, float popularity, float collaborative) {
        return new float[] { interest, audio, popularity, collaborative };
    }
}
