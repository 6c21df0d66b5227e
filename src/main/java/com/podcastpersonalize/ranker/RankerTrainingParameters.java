package com.podcastpersonalize.ranker;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;

/**
 * What a ranker training is asked for: the body of {@code POST /_plugins/podcast/ranker/_train}.
 *
 * @param validationDays       the last days of events (before the newest) that validate instead of train
 * @param model                the network to learn
 * @param negativesPerPositive unheard episodes sampled as negatives for each positive
 * @param seed                 sampling and training seed: the same events and parameters give the same model
 */
public record RankerTrainingParameters(int validationDays, ModelType model, int negativesPerPositive, int seed)
    implements
        Writeable,
        ToXContentObject {

    public static final int DEFAULT_VALIDATION_DAYS = 7;
    public static final int DEFAULT_NEGATIVES_PER_POSITIVE = 2;

    public RankerTrainingParameters {
        requireRange("validation_days", validationDays, 1, 3650);
        requireRange("negatives_per_positive", negativesPerPositive, 0, 100);
        if (model == null) {
            throw new IllegalArgumentException("[model] must be one of logistic, mlp");
        }
    }

    public static RankerTrainingParameters defaults() {
        return new RankerTrainingParameters(DEFAULT_VALIDATION_DAYS, ModelType.LOGISTIC, DEFAULT_NEGATIVES_PER_POSITIVE, TrainingOptions.DEFAULT_SEED);
    }

    /** Parses a request body; unknown fields and bad values fail with an IllegalArgumentException naming the field. */
    public static RankerTrainingParameters parse(XContentParser parser) throws IOException {
        int validationDays = DEFAULT_VALIDATION_DAYS;
        ModelType model = ModelType.LOGISTIC;
        int negatives = DEFAULT_NEGATIVES_PER_POSITIVE;
        int seed = TrainingOptions.DEFAULT_SEED;
        if (parser.currentToken() == null && parser.nextToken() == null) {
            return defaults(); // an empty body
        }
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        while (parser.nextToken() == XContentParser.Token.FIELD_NAME) {
            String field = parser.currentName();
            XContentParser.Token token = parser.nextToken();
            switch (field) {
                case "validation_days" -> validationDays = wholeNumber(parser, field);
                case "negatives_per_positive" -> negatives = wholeNumber(parser, field);
                case "seed" -> seed = wholeNumber(parser, field);
                case "model" -> {
                    if (token != XContentParser.Token.VALUE_STRING) {
                        throw new IllegalArgumentException("[model] must be one of logistic, mlp, got [" + parser.text() + "]");
                    }
                    try {
                        model = ModelType.fromLabel(parser.text());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("[model] " + e.getMessage(), e);
                    }
                }
                default -> throw new IllegalArgumentException(
                    "unknown field [" + field + "]; known: [validation_days, model, negatives_per_positive, seed]"
                );
            }
        }
        return new RankerTrainingParameters(validationDays, model, negatives, seed);
    }

    private static int wholeNumber(XContentParser parser, String field) throws IOException {
        if (parser.currentToken() != XContentParser.Token.VALUE_NUMBER || parser.numberType() != XContentParser.NumberType.INT) {
            throw new IllegalArgumentException("[" + field + "] must be a whole number, got [" + parser.text() + "]");
        }
        return parser.intValue();
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("[" + name + "] must be between " + min + " and " + max + ", got [" + value + "]");
        }
    }

    public RankerTrainingParameters(StreamInput in) throws IOException {
        this(in.readVInt(), ModelType.fromLabel(in.readString()), in.readVInt(), in.readInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(validationDays);
        out.writeString(model.label());
        out.writeVInt(negativesPerPositive);
        out.writeInt(seed);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
            .field("validation_days", validationDays)
            .field("model", model.label())
            .field("negatives_per_positive", negativesPerPositive)
            .field("seed", seed)
            .endObject();
    }

    /** The parameters as stored in a status or model document (written by {@link #toXContent}). */
    static RankerTrainingParameters read(java.util.Map<?, ?> stored) {
        return new RankerTrainingParameters(
            ((Number) stored.get("validation_days")).intValue(),
            ModelType.fromLabel((String) stored.get("model")),
            ((Number) stored.get("negatives_per_positive")).intValue(),
            ((Number) stored.get("seed")).intValue()
        );
    }
}
