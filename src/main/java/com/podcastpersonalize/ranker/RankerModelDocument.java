package com.podcastpersonalize.ranker;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trained version in the ranker index: searchable facts (version, type, when, validation metrics)
 * beside the model JSON of {@link RankerModelCodec} in the unindexed {@code model} object.
 */
final class RankerModelDocument {

    private RankerModelDocument() {}

    static XContentBuilder source(RankerModel model, TrainingFigures figures, RankerTrainingParameters parameters) throws IOException {
        XContentBuilder b = JsonXContent.contentBuilder().startObject();
        b.field(RankerIndex.KIND, "model");
        b.field(RankerIndex.VERSION, model.version());
        b.field(RankerIndex.TRAINED_AT, Instant.ofEpochMilli(model.metadata().trainedAt()).toString());
        b.field(RankerIndex.TYPE, model.type().label());
        b.startObject(RankerIndex.METRICS);
        finiteOrNull(b, "auc", model.metrics().auc());
        finiteOrNull(b, "log_loss", model.metrics().logLoss());
        finiteOrNull(b, "base_rate_log_loss", model.metrics().baseRateLogLoss());
        finiteOrNull(b, "ndcg_at_10", model.metrics().ndcgAt10());
        b.field("rows", model.metrics().rows());
        b.field("positives", model.metrics().positives());
        b.field("ranked_groups", model.metrics().rankedGroups());
        b.endObject();
        b.startArray(RankerIndex.FEATURE_WEIGHTS);
        for (FeatureWeight weight : model.featureWeights().orElse(List.of())) {
            b.startObject()
                .field("feature", weight.feature())
                .field("per_unit", weight.perUnit())
                .field("per_standard_deviation", weight.perStandardDeviation())
                .endObject();
        }
        b.endArray();
        b.startObject(RankerIndex.FIGURES);
        b.field("training_rows", model.metadata().trainingRows());
        b.field("validation_rows", model.metadata().validationRows());
        b.field("epochs", model.metadata().epochs());
        b.field("training_millis", model.metadata().trainingMillis());
        b.field("engine", model.metadata().engine());
        figures.writeFields(b);
        b.endObject();
        b.field(RankerIndex.PARAMETERS, parameters);
        b.field(RankerIndex.MODEL);
        model.toXContent(b, ToXContent.EMPTY_PARAMS);
        return b.endObject();
    }

    /** The parsed model of a stored document. */
    @SuppressWarnings("unchecked")
    static RankerModel model(Map<String, Object> source) {
        Object model = source.get(RankerIndex.MODEL);
        if (!(model instanceof Map)) {
            throw new IllegalArgumentException("the ranker document of version [" + source.get(RankerIndex.VERSION) + "] holds no model");
        }
        return RankerModelCodec.read((Map<String, Object>) model);
    }

    private static void finiteOrNull(XContentBuilder b, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            b.field(name, value);
        } else {
            b.nullField(name);
        }
    }
}
