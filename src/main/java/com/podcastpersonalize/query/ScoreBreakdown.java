package com.podcastpersonalize.query;

import com.podcastpersonalize.ranker.RankerModel;

import org.apache.lucene.search.Explanation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One candidate's component values (raw and normalized), its blended score, and the reasons in
 * words that {@code explain: true} shows.
 */
final class ScoreBreakdown {

    /** Raw component values; NaN where the component does not apply to this document. */
    float lexicalRaw = Float.NaN;
    float semanticCosine = Float.NaN;
    float interestCosine = Float.NaN;
    /** interest cosine adjusted by the interest's strength (see {@link InterestMatcher}) */
    float interestValue;
    String interestLabel;
    float audioCosine = Float.NaN;
    double popularityRaw = Double.NaN;
    /** share of the listener's best collaborative score; NaN when co-listening does not point here */
    float collaborativeRaw = Float.NaN;
    String collaborativeBecause;

    /** Normalized values in [0, 1] (0 where absent). */
    float lexical;
    float semantic;
    float interest;
    float audio;
    float popularity;
    float collaborative;
    /** The learned ranker's probability for the personal components, when it ranks. */
    float learned = Float.NaN;

    float score;

    Explanation explain(BlendWeights weights, ScoreNormalization normalization, ListenerInterests.Strategy strategy, String queryText, RankerModel model) {
        List<Explanation> parts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        add(parts, "lexical", weights.lexical(), lexical, "BM25 " + format(lexicalRaw), normalization);
        add(parts, "semantic", weights.semantic(), semantic, "cosine to the query " + format(semanticCosine), normalization);
        boolean coListening;
        if (model != null) {
            parts.add(Explanation.match(learned, "learned ranker [" + model.type().label() + " v" + model.version() + "]: probability " + format(learned)
                + " from interest " + format(interest) + ", audio " + format(audio) + ", popularity " + format(popularity)
                + ", collaborative " + format(collaborative)));
            coListening = true;
        } else {
            add(parts, "interest", weights.interest(), interest, "cosine to interest [" + interestLabel + "] " + format(interestCosine), normalization);
            add(parts, "audio", weights.audio(), audio, "cosine to the listener's taste in sound " + format(audioCosine), normalization);
            add(parts, "popularity", weights.popularity(), popularity, "popularity " + (Double.isNaN(popularityRaw) ? "unknown" : String.valueOf((long) popularityRaw)), normalization);
            add(parts, "collaborative", weights.collaborative(), collaborative, "co-listening " + format(collaborativeRaw) + " of the best, mostly via [" + collaborativeBecause + "]", normalization);
            coListening = weights.collaborative() > 0;
        }
        if (queryText != null && (lexical > 0.5f || semantic > 0.6f)) {
            reasons.add("matches your search \"" + queryText + "\"");
        }
        if (interestLabel != null && interestCosine >= 0.5f) {
            reasons.add(
                strategy == ListenerInterests.Strategy.DECLARED_TOPICS ? "in a topic you follow: " + interestLabel
                    : ListenerInterests.SEQUENCE_LABEL.equals(interestLabel) ? "close to " + interestLabel
                    : "close to your interest in " + interestLabel
            );
        }
        if (coListening && collaborativeRaw >= 0.3f) {
            reasons.add("listeners of '" + collaborativeBecause + "' also liked this");
        }
        if (audioCosine >= 0.8f) {
            reasons.add("sounds like what you listen to");
        }
        if (popularity >= 0.5f) {
            reasons.add("popular with listeners");
        }
        if (reasons.isEmpty()) {
            if (strategy != ListenerInterests.Strategy.POPULARITY) {
                reasons.add("related to what you listen to");
            } else {
                reasons.add(Double.isNaN(popularityRaw) ? "nothing known about you or this episode's popularity yet" : "popular with listeners");
            }
        }
        return Explanation.match(
            score,
            "personalize [strategy=" + strategy.label() + ", normalization=" + normalization.label() + (model == null ? "" : ", ranker=learned") + "]: " + String.join("; ", reasons),
            parts
        );
    }

    private static void add(List<Explanation> parts, String name, float weight, float normalized, String raw, ScoreNormalization normalization) {
        if (weight > 0 && normalized > 0) {
            parts.add(Explanation.match(weight * normalized, name + ": weight " + format(weight) + " x " + normalization.label() + " " + format(normalized) + " (" + raw + ")"));
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
