package com.podcastpersonalize.processor.text;

import com.podcastpersonalize.model.TextEmbeddingService;

import org.opensearch.ingest.AbstractBatchingProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.Processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parses and validates {@code podcast_text_embedding} configurations at pipeline creation: a
 * misspelled option, model or weight is refused then, not at indexing time.
 */
public final class TextEmbeddingProcessorFactory extends AbstractBatchingProcessor.Factory {

    /** Documents per model call when the pipeline does not say; batching is where the speed is. */
    static final int DEFAULT_BATCH_SIZE = 32;
    private static final int MAX_TOPICS = 20;

    private final Supplier<TextEmbeddingService> service;

    public TextEmbeddingProcessorFactory(Supplier<TextEmbeddingService> service) {
        super(TextEmbeddingProcessor.TYPE);
        this.service = service;
    }

    @Override
    public AbstractBatchingProcessor create(Map<String, Processor.Factory> factories, String tag, String description, Map<String, Object> config)
        throws Exception {
        config.putIfAbsent(AbstractBatchingProcessor.BATCH_SIZE_FIELD, DEFAULT_BATCH_SIZE);
        return super.create(factories, tag, description, config);
    }

    @Override
    protected AbstractBatchingProcessor newProcessor(String tag, String description, int batchSize, Map<String, Object> config) {
        String type = TextEmbeddingProcessor.TYPE;
        List<String> sourceFields = ConfigurationUtils.readList(type, tag, config, "source_fields");
        if (sourceFields.isEmpty()) {
            throw ConfigurationUtils.newConfigurationException(type, tag, "source_fields", "must name at least one field");
        }
        for (Object field : sourceFields) {
            if (!(field instanceof String name) || name.isBlank()) {
                throw ConfigurationUtils.newConfigurationException(type, tag, "source_fields", "must be field names, got [" + field + "]");
            }
        }
        String targetField = ConfigurationUtils.readStringProperty(type, tag, config, "target_field");
        String model = ConfigurationUtils.readOptionalStringProperty(type, tag, config, "model");
        if (model != null) {
            try {
                service.get().resolve(model);
            } catch (IllegalArgumentException e) {
                throw ConfigurationUtils.newConfigurationException(type, tag, "model", e.getMessage());
            }
        }
        boolean ignoreMissing = ConfigurationUtils.readBooleanProperty(type, tag, config, "ignore_missing", true);
        Map<String, Float> weights = readWeights(tag, config, sourceFields);
        String topicsField = ConfigurationUtils.readOptionalStringProperty(type, tag, config, "topics_field");
        String topicScoresField = ConfigurationUtils.readOptionalStringProperty(type, tag, config, "topic_scores_field");
        int topicsCount = ConfigurationUtils.readIntProperty(type, tag, config, "topics_count", 3);
        if (topicsCount < 1 || topicsCount > MAX_TOPICS) {
            throw ConfigurationUtils.newConfigurationException(type, tag, "topics_count", "must be in [1, " + MAX_TOPICS + "], got [" + topicsCount + "]");
        }
        if (topicsField == null && topicScoresField != null) {
            throw ConfigurationUtils.newConfigurationException(type, tag, "topic_scores_field", "needs [topics_field]");
        }
        if (topicsField != null && topicScoresField == null) {
            topicScoresField = topicsField + "_scores";
        }
        return new TextEmbeddingProcessor(
            tag,
            description,
            batchSize,
            new EpisodeTextExtractor(sourceFields, weights, ignoreMissing),
            targetField,
            model,
            topicsField,
            topicScoresField,
            topicsCount,
            service
        );
    }

    private static Map<String, Float> readWeights(String tag, Map<String, Object> config, List<String> sourceFields) {
        String type = TextEmbeddingProcessor.TYPE;
        Map<String, Object> raw = ConfigurationUtils.readOptionalMap(type, tag, config, "field_weights");
        Map<String, Float> weights = new HashMap<>();
        if (raw == null) {
            return weights;
        }
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            if (!sourceFields.contains(entry.getKey())) {
                throw ConfigurationUtils.newConfigurationException(type, tag, "field_weights", "[" + entry.getKey() + "] is not one of [source_fields] " + sourceFields);
            }
            if (!(entry.getValue() instanceof Number number) || !(number.doubleValue() >= 0) || Double.isInfinite(number.doubleValue())) {
                throw ConfigurationUtils.newConfigurationException(type, tag, "field_weights", "weight of [" + entry.getKey() + "] must be a finite number >= 0, got [" + entry.getValue() + "]");
            }
            weights.put(entry.getKey(), number.floatValue());
        }
        if (!weights.isEmpty() && sourceFields.stream().allMatch(f -> weights.getOrDefault(f, 1.0f) == 0f)) {
            throw ConfigurationUtils.newConfigurationException(type, tag, "field_weights", "at least one weight must be > 0");
        }
        return weights;
    }
}
