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
 * @param validation           which events validate instead of train: the last days before the newest
 *                             ({@code validation_days}) or the latest share of the events ({@code validation_share})
 * @param model                the network to learn
 * @param negativesPerPositive unheard episodes sampled as negatives for each positive
 * @param seed                 sampling and training seed: the same events and parameters give the same model
 */
public record RankerTrainingParameters(ValidationWindow validation, ModelType model, int negativesPerPositive, int seed)
    implements
        Writeable,
        ToXContentObject {

    public static final int DEFAULT_NEGATIVES_PER_POSITIVE = 2;

    public RankerTrainingParameters {
        if (validation == null) {
            throw new IllegalArgumentException("[validation_days] or [validation_share] is required");
        }
        BodyFields.requireRange("negatives_per_positive", negativesPerPositive, 0, 100);
        if (model == null) {
            throw new IllegalArgumentException("[model] must be one of logistic, mlp");
        }
    }

    public static RankerTrainingParameters defaults() {
        return new RankerTrainingParameters(ValidationWindow.defaults(), ModelType.LOGISTIC, DEFAULT_NEGATIVES_PER_POSITIVE, TrainingOptions.DEFAULT_SEED);
    }

    /** Parses a request body; unknown fields and bad values fail with an IllegalArgumentException naming the field. */
    public static RankerTrainingParameters parse(XContentParser parser) throws IOException {
        Integer validationDays = null;
        Double validationShare = null;
        ModelType model = ModelType.LOGISTIC;
        int negatives = DEFAULT_NEGATIVES_PER_POSITIVE;
        int seed = TrainingOptions.DEFAULT_SEED;
        if (parser.currentToken() == null && parser.nextToken() == null) {
            return defaults(); // an empty body
        }
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        while (BodyFields.next(parser) == XContentParser.Token.FIELD_NAME) {
            String field = parser.currentName();
            XContentParser.Token token = BodyFields.next(parser);
            switch (field) {
                case ValidationWindow.DAYS_FIELD -> validationDays = BodyFields.wholeNumber(parser, field);
                case ValidationWindow.SHARE_FIELD -> validationShare = BodyFields.number(parser, field);
                case "negatives_per_positive" -> negatives = BodyFields.wholeNumber(parser, field);
                case "seed" -> seed = BodyFields.wholeNumber(parser, field);
                case "model" -> {
                    if (token != XContentParser.Token.VALUE_STRING) {
                        throw new IllegalArgumentException("[model] must be one of logistic, mlp, got [" + BodyFields.shown(parser) + "]");
                    }
                    try {
                        model = ModelType.fromLabel(parser.text());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("[model] " + e.getMessage(), e);
                    }
                }
                default -> throw new IllegalArgumentException(
                    "unknown field [" + field + "]; known: [validation_days, validation_share, model, negatives_per_positive, seed]"
                );
            }
        }
        return new RankerTrainingParameters(ValidationWindow.of(validationDays, validationShare), model, negatives, seed);
    }

    public RankerTrainingParameters(StreamInput in) throws IOException {
        this(ValidationWindow.readFrom(in), ModelType.fromLabel(in.readString()), in.readVInt(), in.readInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        validation.writeTo(out);
        out.writeString(model.label());
        out.writeVInt(negativesPerPositive);
        out.writeInt(seed);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        return validation.writeField(builder)
            .field("model", model.label())
            .field("negatives_per_positive", negativesPerPositive)
            .field("seed", seed)
            .endObject();
    }

    /** The parameters as stored in a status or model document (written by {@link #toXContent}, or before validation_share existed). */
    static RankerTrainingParameters read(java.util.Map<?, ?> stored) {
        return new RankerTrainingParameters(
            ValidationWindow.read(stored),
            ModelType.fromLabel((String) stored.get("model")),
            ((Number) stored.get("negatives_per_positive")).intValue(),
            ((Number) stored.get("seed")).intValue()
        );
    }
}
