package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.BodyFields;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;

/**
 * What a sequence model training is asked for: the body of {@code POST /_plugins/podcast/sequence/_train}.
 * The other options keep the defaults of {@link SequenceModelOptions#defaults}.
 *
 * @param window       positive episodes read per listener, the latest ones (1 to 50)
 * @param steps        optimizer steps to take at least (1 to 100000; whole epochs)
 * @param learningRate Adam's step size, in (0, 1]
 * @param temperature  of the catalogue softmax (cosine ÷ temperature), in (0, 1]
 * @param seed         weights and batch order: the same events and parameters give the same model
 */
public record SequenceTrainingParameters(int window, int steps, double learningRate, double temperature, int seed) implements Writeable, ToXContentObject {

    private static final SequenceModelOptions DEFAULTS = SequenceModelOptions.defaults(42);

    public SequenceTrainingParameters {
        BodyFields.requireRange("window", window, 1, 50);
        BodyFields.requireRange("steps", steps, 1, 100_000);
        requireRate("learning_rate", learningRate);
        requireRate("temperature", temperature);
    }

    private static void requireRate(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("[" + name + "] must be above 0 and at most 1, got [" + value + "]");
        }
    }

    public static SequenceTrainingParameters defaults() {
        return new SequenceTrainingParameters(DEFAULTS.window(), DEFAULTS.steps(), shortest(DEFAULTS.learningRate()), shortest(DEFAULTS.temperature()), (int) DEFAULTS.seed());
    }

    /** 0.003f as 0.003, not 0.0030000000260770321. */
    private static double shortest(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /** The model's full options: these parameters over the defaults. */
    public SequenceModelOptions options() {
        return new SequenceModelOptions(window, DEFAULTS.inputUnits(), DEFAULTS.hiddenUnits(), DEFAULTS.latestTargets(), steps, DEFAULTS.batchSize(),
            (float) learningRate, (float) temperature, seed);
    }

    /** Parses a request body; unknown fields and bad values fail with an IllegalArgumentException naming the field. */
    public static SequenceTrainingParameters parse(XContentParser parser) throws IOException {
        SequenceTrainingParameters d = defaults();
        int window = d.window, steps = d.steps, seed = d.seed;
        double learningRate = d.learningRate, temperature = d.temperature;
        if (parser.currentToken() == null && parser.nextToken() == null) {
            return d; // an empty body
        }
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        while (BodyFields.next(parser) == XContentParser.Token.FIELD_NAME) {
            String field = parser.currentName();
            BodyFields.next(parser);
            switch (field) {
                case "window" -> window = BodyFields.wholeNumber(parser, field);
                case "steps" -> steps = BodyFields.wholeNumber(parser, field);
                case "learning_rate" -> learningRate = BodyFields.number(parser, field);
                case "temperature" -> temperature = BodyFields.number(parser, field);
                case "seed" -> seed = BodyFields.wholeNumber(parser, field);
                default -> throw new IllegalArgumentException("unknown field [" + field + "]; known: [window, steps, learning_rate, temperature, seed]");
            }
        }
        return new SequenceTrainingParameters(window, steps, learningRate, temperature, seed);
    }

    public SequenceTrainingParameters(StreamInput in) throws IOException {
        this(in.readVInt(), in.readVInt(), in.readDouble(), in.readDouble(), in.readInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(window);
        out.writeVInt(steps);
        out.writeDouble(learningRate);
        out.writeDouble(temperature);
        out.writeInt(seed);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
            .field("window", window)
            .field("steps", steps)
            .field("learning_rate", learningRate)
            .field("temperature", temperature)
            .field("seed", seed)
            .endObject();
    }
}
