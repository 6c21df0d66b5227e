package com.podcastpersonalize.it.eval;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of one {@code personalize} clause under evaluation; {@code null} or empty leaves the
 * clause's default.
 *
 * @param name            the system's name in the table
 * @param kind            {@code personalize}, {@code ablation} or {@code tuned}
 * @param weights         weights sent (components not named keep their default)
 * @param normalization   {@code saturation} or {@code rrf}
 * @param popularityField the popularity field
 * @param popularityPivot the popularity pivot
 * @param ranker          {@code blend} or {@code learned} (null: the clause's default, blend)
 * @param interestCandidates whether the interests add candidates of their own to a search with a query (null: the clause's default)
 */
public record PersonalizeConfig(
    String name,
    String kind,
    Map<String, Double> weights,
    String normalization,
    String popularityField,
    Double popularityPivot,
    String ranker,
    Boolean interestCandidates
) {

    public PersonalizeConfig {
        weights = weights == null ? Map.of() : new LinkedHashMap<>(weights);
    }

    public static PersonalizeConfig defaults(String name, String kind) {
        return new PersonalizeConfig(name, kind, Map.of(), null, null, null, null, null);
    }

    public PersonalizeConfig named(String newName, String newKind) {
        return new PersonalizeConfig(newName, newKind, weights, normalization, popularityField, popularityPivot, ranker, interestCandidates);
    }

    public PersonalizeConfig withPopularityField(String field) {
        return new PersonalizeConfig(name, kind, weights, normalization, field, popularityPivot, ranker, interestCandidates);
    }

    public PersonalizeConfig withRanker(String newRanker) {
        return new PersonalizeConfig(name, kind, weights, normalization, popularityField, popularityPivot, newRanker, interestCandidates);
    }

    public PersonalizeConfig withInterestCandidates(boolean candidates) {
        return new PersonalizeConfig(name, kind, weights, normalization, popularityField, popularityPivot, ranker, candidates);
    }

    /** Writes the clause's optional parameters into the open {@code personalize} object. */
    void writeTo(XContentBuilder clause) throws IOException {
        if (!weights.isEmpty()) {
            clause.startObject("weights");
            for (Map.Entry<String, Double> weight : weights.entrySet()) {
                clause.field(weight.getKey(), weight.getValue());
            }
            clause.endObject();
        }
        if (normalization != null) {
            clause.field("normalization", normalization);
        }
        if (popularityField != null) {
            clause.field("popularity_field", popularityField);
        }
        if (popularityPivot != null) {
            clause.field("popularity_pivot", popularityPivot);
        }
        if (ranker != null) {
            clause.field("ranker", ranker);
        }
        if (interestCandidates != null) {
            clause.field("interest_candidates", interestCandidates);
        }
    }

    /** The parameters in words, e.g. {@code weights {interest 0.4, popularity 0.8}, normalization rrf}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!weights.isEmpty()) {
            text.append("weights {").append(weights.entrySet().stream()
                .map(w -> w.getKey() + " " + format(w.getValue())).collect(Collectors.joining(", "))).append("}");
        }
        append(text, "normalization", normalization);
        append(text, "popularity_pivot", popularityPivot == null ? null : format(popularityPivot));
        append(text, "ranker", ranker);
        append(text, "interest_candidates", interestCandidates == null ? null : interestCandidates.toString());
        return text.isEmpty() ? "clause defaults" : text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(value);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%s", value);
    }
}
