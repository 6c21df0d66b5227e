package com.podcastpersonalize.ranker;

import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A ranker model as a JSON object, to store in a cluster index document and ship to nodes. Weights are
 * plain number arrays (a model is small: a 16-unit MLP over ten features is about 200 numbers); floats
 * and doubles are written so that they parse back to the identical values. Index the object with
 * {@code "enabled": false}: nothing in it is searched.
 *
 * <pre>
 * {"format": 1, "type": "logistic"|"mlp", "features": [...],
 *  "standardization": {"means": [...], "scales": [...]},
 *  "network": {"weights": [...], "bias": b}                                              (logistic)
 *           | {"hidden_weights": [[...]...], "hidden_bias": [...], "output_weights": [...], "output_bias": b} (mlp)
 *  "metadata": {...}, "metrics": {...}}
 * </pre>
 */
public final class RankerModelCodec {

    public static final int FORMAT = 1;

    private RankerModelCodec() {}

    public static XContentBuilder write(RankerModel model, XContentBuilder builder) throws IOException {
        builder.startObject();
        builder.field("format", FORMAT);
        builder.field("type", model.type().label());
        builder.field("features", model.featureNames());
        builder.startObject("standardization");
        builder.array("means", model.standardization().means());
        builder.array("scales", model.standardization().scales());
        builder.endObject();
        writeNetwork(model.network(), builder);
        writeMetadata(model.metadata(), builder);
        writeMetrics(model.metrics(), builder);
        return builder.endObject();
    }

    /** The model as JSON bytes. */
    public static BytesReference toBytes(RankerModel model) {
        try (XContentBuilder builder = XContentFactory.jsonBuilder()) {
            return BytesReference.bytes(model.toXContent(builder, ToXContent.EMPTY_PARAMS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the ranker model", e);
        }
    }

    /** A model from JSON bytes written by {@link #toBytes}. */
    public static RankerModel fromBytes(BytesReference bytes) {
        return read(XContentHelper.convertToMap(bytes, false, MediaTypeRegistry.JSON).v2());
    }

    /** A model from a parsed document source (e.g. a search hit's or GET's source, or a sub-object of it). */
    public static RankerModel read(Map<String, Object> source) {
        Fields fields = new Fields(source, "");
        int format = fields.integer("format");
        if (format != FORMAT) {
            throw new IllegalArgumentException("ranker model format [" + format + "] is not supported (this node reads format " + FORMAT + ")");
        }
        ModelType type = ModelType.fromLabel(fields.string("type"));
        List<String> features = fields.strings("features");
        Fields standardization = fields.object("standardization");
        Standardization scaling = new Standardization(standardization.doubles("means"), standardization.doubles("scales"));
        ScoringNetwork network = readNetwork(type, fields.object("network"));
        ModelMetadata metadata = readMetadata(type, fields.object("metadata"));
        ValidationMetrics metrics = readMetrics(fields.object("metrics"));
        return new RankerModel(features, scaling, network, metadata, metrics);
    }

    private static void writeNetwork(ScoringNetwork network, XContentBuilder builder) throws IOException {
        builder.startObject("network");
        switch (network) {
            case LinearNetwork linear -> {
                builder.array("weights", linear.weights());
                builder.field("bias", linear.bias());
            }
            case MlpNetwork mlp -> {
                builder.startArray("hidden_weights");
                for (float[] unit : mlp.hiddenWeights()) {
                    builder.value(unit);
                }
                builder.endArray();
                builder.array("hidden_bias", mlp.hiddenBias());
                builder.array("output_weights", mlp.outputWeights());
                builder.field("output_bias", mlp.outputBias());
            }
        }
        builder.endObject();
    }

    private static ScoringNetwork readNetwork(ModelType type, Fields network) {
        return switch (type) {
            case LOGISTIC -> new LinearNetwork(network.floats("weights"), network.floatValue("bias"));
            case MLP -> {
                List<?> rows = network.list("hidden_weights");
                float[][] hidden = new float[rows.size()][];
                for (int j = 0; j < hidden.length; j++) {
                    hidden[j] = Fields.toFloats(rows.get(j), network.path("hidden_weights[" + j + "]"));
                }
                yield new MlpNetwork(hidden, network.floats("hidden_bias"), network.floats("output_weights"), network.floatValue("output_bias"));
            }
        };
    }

    private static void writeMetadata(ModelMetadata metadata, XContentBuilder builder) throws IOException {
        TrainingOptions options = metadata.options();
        builder.startObject("metadata");
        builder.field("version", metadata.version());
        builder.field("trained_at", metadata.trainedAt());
        builder.field("engine", metadata.engine());
        builder.field("training_rows", metadata.trainingRows());
        builder.field("validation_rows", metadata.validationRows());
        builder.field("epochs", metadata.epochs());
        finiteOrNull(builder, "final_training_loss", metadata.finalTrainingLoss());
        builder.field("training_millis", metadata.trainingMillis());
        builder.startObject("options");
        builder.field("validation_cut", options.validationCut());
        builder.field("epochs", options.epochs());
        builder.field("batch_size", options.batchSize());
        builder.field("learning_rate", options.learningRate());
        builder.field("weight_decay", options.weightDecay());
        builder.field("hidden_units", options.hiddenUnits());
        builder.field("seed", options.seed());
        builder.endObject();
        builder.endObject();
    }

    private static ModelMetadata readMetadata(ModelType type, Fields metadata) {
        Fields options = metadata.object("options");
        TrainingOptions trainingOptions = new TrainingOptions(
            type,
            options.longValue("validation_cut"),
            options.integer("epochs"),
            options.integer("batch_size"),
            options.floatValue("learning_rate"),
            options.floatValue("weight_decay"),
            options.integer("hidden_units"),
            options.integer("seed")
        );
        return new ModelMetadata(
            metadata.longValue("version"),
            metadata.longValue("trained_at"),
            metadata.string("engine"),
            metadata.integer("training_rows"),
            metadata.integer("validation_rows"),
            trainingOptions,
            metadata.integer("epochs"),
            metadata.doubleOrNaN("final_training_loss"),
            metadata.longValue("training_millis")
        );
    }

    private static void writeMetrics(ValidationMetrics metrics, XContentBuilder builder) throws IOException {
        builder.startObject("metrics");
        finiteOrNull(builder, "auc", metrics.auc());
        finiteOrNull(builder, "log_loss", metrics.logLoss());
        finiteOrNull(builder, "base_rate_log_loss", metrics.baseRateLogLoss());
        finiteOrNull(builder, "ndcg_at_10", metrics.ndcgAt10());
        builder.field("rows", metrics.rows());
        builder.field("positives", metrics.positives());
        builder.field("ranked_groups", metrics.rankedGroups());
        builder.endObject();
    }

    private static ValidationMetrics readMetrics(Fields metrics) {
        return new ValidationMetrics(
            metrics.doubleOrNaN("auc"),
            metrics.doubleOrNaN("log_loss"),
            metrics.doubleOrNaN("base_rate_log_loss"),
            metrics.doubleOrNaN("ndcg_at_10"),
            metrics.integer("rows"),
            metrics.integer("positives"),
            metrics.integer("ranked_groups")
        );
    }

    /** JSON has no NaN: an undefined metric is written as null. */
    private static void finiteOrNull(XContentBuilder builder, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            builder.field(name, value);
        } else {
            builder.nullField(name);
        }
    }

    /** Typed access to a parsed JSON object; errors name the field's path. */
    private record Fields(Map<String, Object> map, String prefix) {

        String path(String name) {
            return prefix + name;
        }

        private Object required(String name) {
            Object value = map.get(name);
            if (value == null) {
                throw new IllegalArgumentException("ranker model: [" + path(name) + "] is missing");
            }
            return value;
        }

        @SuppressWarnings("unchecked")
        Fields object(String name) {
            Object value = required(name);
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("ranker model: [" + path(name) + "] must be an object");
            }
            return new Fields((Map<String, Object>) value, path(name) + ".");
        }

        List<?> list(String name) {
            Object value = required(name);
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("ranker model: [" + path(name) + "] must be an array");
            }
            return list;
        }

        private Number number(String name) {
            Object value = required(name);
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("ranker model: [" + path(name) + "] must be a number");
            }
            return number;
        }

        String string(String name) {
            return required(name).toString();
        }

        int integer(String name) {
            return number(name).intValue();
        }

        long longValue(String name) {
            return number(name).longValue();
        }

        float floatValue(String name) {
            return number(name).floatValue();
        }

        double doubleOrNaN(String name) {
            return map.get(name) == null ? Double.NaN : number(name).doubleValue();
        }

        List<String> strings(String name) {
            return list(name).stream().map(String::valueOf).toList();
        }

        float[] floats(String name) {
            return toFloats(required(name), path(name));
        }

        double[] doubles(String name) {
            List<?> values = list(name);
            double[] out = new double[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = toNumber(values.get(i), path(name)).doubleValue();
            }
            return out;
        }

        static float[] toFloats(Object value, String path) {
            if (!(value instanceof List<?> values)) {
                throw new IllegalArgumentException("ranker model: [" + path + "] must be an array");
            }
            float[] out = new float[values.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = toNumber(values.get(i), path).floatValue();
            }
            return out;
        }

        private static Number toNumber(Object value, String path) {
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("ranker model: [" + path + "] must hold only numbers");
            }
            return number;
        }
    }
}
