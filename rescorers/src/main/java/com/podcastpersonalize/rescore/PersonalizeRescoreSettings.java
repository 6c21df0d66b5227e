package com.podcastpersonalize.rescore;

import com.podcastpersonalize.query.BlendWeights;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;

import java.io.IOException;

/**
 * The parameters of the {@code personalize} rescorer, validated.
 *
 * @param queryWeight       weight of the original query score, saturated: {@code score / (score + queryPivot)}
 * @param queryPivot        the original score that counts as one half
 * @param interestWeight    weight of the episode's closeness to the listener's interests (cosine, from stored vectors)
 * @param vectorField       the episodes' text vector field
 * @param freshnessField    date field for freshness, or null
 * @param freshnessWeight   weight of freshness: {@code 0.5^(age / half-life)}
 * @param freshnessHalfLife age at which freshness is one half
 * @param popularityField   numeric field for popularity, or null
 * @param popularityWeight  weight of popularity, saturated on a log scale
 * @param popularityPivot   the popularity that counts as one half
 * @param collaborativeWeight weight of co-listening (share of the listener's best collaborative score)
 * @param sequenceWeight    strength, 0 to {@value BlendWeights#MAX_SEQUENCE}, of the interest the sequence model
 *                          predicts from the listener's latest liked episodes, added to the listener's interests
 *                          (as the query's {@code weights.sequence}); not a component of its own, so not counted
 *                          among the weights that must not all be 0
 */
record PersonalizeRescoreSettings(
    float queryWeight,
    float queryPivot,
    float interestWeight,
    String vectorField,
    String freshnessField,
    float freshnessWeight,
    TimeValue freshnessHalfLife,
    String popularityField,
    float popularityWeight,
    float popularityPivot,
    float collaborativeWeight,
    float sequenceWeight
) implements Writeable {

    PersonalizeRescoreSettings {
        check("query_weight", queryWeight);
        check("interest_weight", interestWeight);
        if (!(queryPivot > 0) || Float.isInfinite(queryPivot)) {
            throw new IllegalArgumentException("[personalize] [query_pivot] must be a finite number > 0, got [" + queryPivot + "]");
        }
        check("freshness_weight", freshnessWeight);
        check("popularity_weight", popularityWeight);
        check("collaborative_weight", collaborativeWeight);
        if (queryWeight + interestWeight + freshnessWeight + popularityWeight + collaborativeWeight <= 0) {
            throw new IllegalArgumentException("[personalize] rescorer weights must not all be 0");
        }
        if (!(popularityPivot > 0) || Float.isInfinite(popularityPivot)) {
            throw new IllegalArgumentException("[personalize] [popularity_pivot] must be a finite number > 0, got [" + popularityPivot + "]");
        }
        if (freshnessHalfLife.millis() <= 0) {
            throw new IllegalArgumentException("[personalize] [freshness_half_life] must be positive, got [" + freshnessHalfLife + "]");
        }
        if (!(sequenceWeight >= 0 && sequenceWeight <= BlendWeights.MAX_SEQUENCE)) {
            throw new IllegalArgumentException("[personalize] [sequence_weight] must be a number from 0 to " + (int) BlendWeights.MAX_SEQUENCE + ", got [" + sequenceWeight + "]");
        }
        if (vectorField == null || vectorField.isBlank()) {
            throw new IllegalArgumentException("[personalize] [vector_field] must not be empty");
        }
    }

    private static void check(String name, float value) {
        if (!(value >= 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("[personalize] [" + name + "] must be a finite number >= 0, got [" + value + "]");
        }
    }

    PersonalizeRescoreSettings(StreamInput in) throws IOException {
        this(in.readFloat(), in.readFloat(), in.readFloat(), in.readString(), in.readOptionalString(), in.readFloat(), in.readTimeValue(), in.readOptionalString(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeFloat(queryWeight);
        out.writeFloat(queryPivot);
        out.writeFloat(interestWeight);
        out.writeString(vectorField);
        out.writeOptionalString(freshnessField);
        out.writeFloat(freshnessWeight);
        out.writeTimeValue(freshnessHalfLife);
        out.writeOptionalString(popularityField);
        out.writeFloat(popularityWeight);
        out.writeFloat(popularityPivot);
        out.writeFloat(collaborativeWeight);
        out.writeFloat(sequenceWeight);
    }
}
