package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.RankerIndex;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * One trained sequence model version in the ranker index (document {@code sequence-<version>}): when, its
 * figures (what it learned from, the training losses, the held-out validation) in the unindexed
 * {@code figures} object, the parameters, and the weights in the unindexed {@code model} object, each
 * array as base64 of little-endian float32 (a quarter of the size of JSON numbers, read back exactly).
 */
final class SequenceModelDocument {

    static final String KIND = "sequence_model";
    static final String TYPE = "gru";

    /** What a training learned from and how it went. */
    record Figures(
        int events,
        int listeners,
        int sequences,
        int catalogueEpisodes,
        NextInterestTrainer.Summary training,
        HeldOutItems.Figures validation,
        long trainingMillis
    ) {}

    private SequenceModelDocument() {}

    static XContentBuilder source(NextInterestModel model, Figures figures, SequenceTrainingParameters parameters, long now) throws IOException {
        XContentBuilder b = JsonXContent.contentBuilder().startObject();
        b.field(RankerIndex.KIND, KIND);
        b.field(RankerIndex.VERSION, model.version());
        b.field(RankerIndex.TRAINED_AT, Instant.ofEpochMilli(now).toString());
        b.field(RankerIndex.TYPE, TYPE);
        b.startObject(RankerIndex.FIGURES);
        b.field("events", figures.events());
        b.field("listeners", figures.listeners());
        b.field("sequences", figures.sequences());
        b.field("catalogue_episodes", figures.catalogueEpisodes());
        b.field("training_windows", figures.training().examples());
        b.field("epochs", figures.training().epochs());
        b.field("first_epoch_loss", figures.training().firstLoss());
        b.field("final_epoch_loss", figures.training().finalLoss());
        b.field("uniform_loss", Math.log(figures.catalogueEpisodes()));
        b.field("training_millis", figures.trainingMillis());
        HeldOutItems.Figures validation = figures.validation();
        if (validation == null) {
            b.nullField("validation");
        } else {
            b.startObject("validation")
                .field("held_out", validation.windows())
                .field("hit_rate_at_10", validation.hitRateAt10())
                .field("softmax_loss", validation.softmaxLoss())
                .field("history_mean_hit_rate_at_10", validation.meanHitRateAt10())
                .endObject();
        }
        b.endObject();
        b.field(RankerIndex.PARAMETERS);
        parameters.toXContent(b, ToXContent.EMPTY_PARAMS);
        b.startObject(RankerIndex.MODEL);
        b.field("type", TYPE).field("window", model.window()).field("dimension", model.dimension())
            .field("input_units", model.inputUnits()).field("hidden_units", model.hiddenUnits());
        NextInterestModel.Weights w = model.weights();
        b.startObject("weights")
            .field("input_weight", encode(w.inputWeight()))
            .field("input_bias", encode(w.inputBias()))
            .field("gru_input_weight", encode(w.gruInputWeight()))
            .field("gru_input_bias", encode(w.gruInputBias()))
            .field("gru_state_weight", encode(w.gruStateWeight()))
            .field("gru_state_bias", encode(w.gruStateBias()))
            .field("output_weight", encode(w.outputWeight()))
            .field("output_bias", encode(w.outputBias()))
            .endObject();
        b.field("center", encode(model.recentering().center())).field("center_cosine", model.recentering().cosine());
        return b.endObject().endObject();
    }

    /** The model of a stored document (its source). */
    @SuppressWarnings("unchecked")
    static NextInterestModel model(Map<String, Object> source) {
        if (!(source.get(RankerIndex.MODEL) instanceof Map<?, ?> stored) || !TYPE.equals(stored.get("type"))) {
            throw new IllegalArgumentException("the sequence model document of version [" + source.get(RankerIndex.VERSION) + "] holds no GRU model");
        }
        Map<String, Object> model = (Map<String, Object>) stored;
        Map<String, Object> weights = (Map<String, Object>) model.get("weights");
        return new NextInterestModel(
            ((Number) source.get(RankerIndex.VERSION)).longValue(),
            ((Number) model.get("window")).intValue(),
            ((Number) model.get("dimension")).intValue(),
            ((Number) model.get("input_units")).intValue(),
            ((Number) model.get("hidden_units")).intValue(),
            new NextInterestModel.Weights(
                decode(weights, "input_weight"),
                decode(weights, "input_bias"),
                decode(weights, "gru_input_weight"),
                decode(weights, "gru_input_bias"),
                decode(weights, "gru_state_weight"),
                decode(weights, "gru_state_bias"),
                decode(weights, "output_weight"),
                decode(weights, "output_bias")
            ),
            new Recentering(decode(model, "center"), ((Number) model.get("center_cosine")).floatValue())
        );
    }

    static String encode(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static float[] decode(Map<String, Object> weights, String name) {
        if (!(weights.get(name) instanceof String encoded)) {
            throw new IllegalArgumentException("the sequence model has no [" + name + "]");
        }
        byte[] bytes = Base64.getDecoder().decode(encoded);
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
