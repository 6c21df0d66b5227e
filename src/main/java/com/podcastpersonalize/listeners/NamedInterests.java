package com.podcastpersonalize.listeners;

import java.util.ArrayList;
import java.util.List;

/**
 * A profile's interests in words: each interest centroid, the short-term and the long-term text
 * interest, and the declared topics, each with a label, a strength in (0, 1] and a unit vector.
 * Shared by the profile API and the {@code personalize} query, so both tell the same story.
 *
 * <p>Strengths: a centroid's is its mass over the heaviest centroid's; the long-term interest is a
 * blend of all and gets {@value #LONG_TERM_STRENGTH} so that specific interests win ties; the
 * short-term one is its mass capped at 1 (one completed episode today counts fully, fading with the
 * short half-life); declared topics get 1.
 */
public final class NamedInterests {

    public static final float LONG_TERM_STRENGTH = 0.5f;

    /** What an interest stands for. */
    public enum Kind {
        INTEREST,
        SHORT_TERM,
        LONG_TERM,
        DECLARED
    }

    public record Named(Kind kind, String label, float strength, float[] vector, List<String> topics) {}

    private NamedInterests() {}

    /** Interests learned from events (centroids, then short-term, then long-term); empty when there are none. */
    public static List<Named> learned(Profile profile) {
        List<Named> named = new ArrayList<>();
        double heaviest = profile.interests().stream().mapToDouble(i -> i.vector().mass()).max().orElse(0);
        for (InterestCentroid interest : profile.interests()) {
            float[] direction = interest.vector().direction();
            if (direction == null || interest.vector().mass() <= 0 || heaviest <= 0) {
                continue;
            }
            List<String> topics = interest.topics().top(3);
            String label = topics.isEmpty() ? "interest " + (named.size() + 1) : String.join(", ", topics);
            named.add(new Named(Kind.INTEREST, label, (float) (interest.vector().mass() / heaviest), direction, topics));
        }
        DecayedVector shortText = profile.shortText();
        float[] shortDirection = shortText == null ? null : shortText.direction();
        if (shortDirection != null && shortText.mass() > 0) {
            Named closest = closest(named, shortDirection);
            String label = closest == null ? "recent searches" : "recently: " + closest.label();
            float strength = (float) Math.min(1.0, shortText.mass());
            named.add(new Named(Kind.SHORT_TERM, label, Math.max(strength, Float.MIN_NORMAL), shortDirection, closest == null ? List.of() : closest.topics()));
        }
        DecayedVector longText = profile.longText();
        float[] longDirection = longText == null ? null : longText.direction();
        if (longDirection != null && longText.mass() > 0) {
            List<String> topics = profile.topics().top(3);
            String label = "long-term: " + (topics.isEmpty() ? "everything heard" : String.join(", ", topics));
            named.add(new Named(Kind.LONG_TERM, label, LONG_TERM_STRENGTH, longDirection, topics));
        }
        return named;
    }

    public static List<Named> declared(Profile profile) {
        return profile.declaredTopics().stream().map(t -> new Named(Kind.DECLARED, t.label(), 1f, t.vector(), List.of(t.label()))).toList();
    }

    /** The listener's taste in sound: the long-term audio direction, or null. */
    public static float[] audio(Profile profile) {
        return profile.longAudio() == null || profile.longAudio().mass() <= 0 ? null : profile.longAudio().direction();
    }

    private static Named closest(List<Named> interests, float[] vector) {
        Named best = null;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (Named interest : interests) {
            double cosine = com.podcastpersonalize.model.VectorMath.cosine(interest.vector(), vector);
            if (cosine > bestCosine) {
                bestCosine = cosine;
                best = interest;
            }
        }
        return best;
    }
}
