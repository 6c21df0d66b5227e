package com.podcastpersonalize.processor.text;

import com.podcastpersonalize.model.ModelCatalog;
import com.podcastpersonalize.model.TextEmbeddingService;
import com.podcastpersonalize.model.TopicTaxonomy;

import org.opensearch.OpenSearchParseException;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.ingest.AbstractBatchingProcessor;
import org.opensearch.test.OpenSearchTestCase;

import com.podcastpersonalize.settings.PodcastSettings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class TextEmbeddingProcessorFactoryTests extends OpenSearchTestCase {

    private TextEmbeddingProcessorFactory factory() {
        ClusterSettings clusterSettings = new ClusterSettings(Settings.EMPTY, new HashSet<>(PodcastSettings.all()));
        TextEmbeddingService service = new TextEmbeddingService(
            ModelCatalog.load(Optional.empty()),
            TopicTaxonomy.load(Optional.empty()),
            null,
            "unused",
            clusterSettings,
            1,
            64
        );
        return new TextEmbeddingProcessorFactory(() -> service);
    }

    private AbstractBatchingProcessor create(Map<String, Object> config) throws Exception {
        return factory().create(Map.of(), "tag", null, new HashMap<>(config));
    }

    public void testDefaultsBatchSizeSoThatBulkRequestsAreBatched() throws Exception {
        AbstractBatchingProcessor processor = create(Map.of("source_fields", List.of("title"), "target_field", "v"));
        assertEquals(TextEmbeddingProcessor.TYPE, processor.getType());
        assertEquals(TextEmbeddingProcessorFactory.DEFAULT_BATCH_SIZE, batchSize(processor));
        assertEquals(4, batchSize(create(Map.of("source_fields", List.of("title"), "target_field", "v", "batch_size", 4))));
    }

    public void testKnownModelIsAccepted() throws Exception {
        create(Map.of("source_fields", List.of("title"), "target_field", "v", "model", "bge-small-en-v1.5-q"));
    }

    public void testBadConfigurationsNameTheProperty() {
        Object[][] cases = {
            { Map.of("source_fields", List.of("title"), "target_field", "v", "model", "bge-small"), "[model] unknown model [bge-small]" },
            { Map.of("source_fields", List.of(), "target_field", "v"), "[source_fields] must name at least one field" },
            { Map.of("source_fields", List.of(""), "target_field", "v"), "[source_fields] must be field names" },
            { Map.of("target_field", "v"), "[source_fields] required property is missing" },
            { Map.of("source_fields", List.of("title")), "[target_field] required property is missing" },
            { Map.of("source_fields", List.of("title"), "target_field", "v", "field_weights", Map.of("title", -1)), "[field_weights] weight of [title]" },
            { Map.of("source_fields", List.of("title"), "target_field", "v", "field_weights", Map.of("title", "heavy")), "[field_weights] weight of [title]" },
            { Map.of("source_fields", List.of("title"), "target_field", "v", "field_weights", Map.of("title", 0)), "[field_weights] at least one weight must be > 0" },
            { Map.of("source_fields", List.of("title"), "target_field", "v", "topics_count", 50), "[topics_count] must be in [1, 20]" },
            { Map.of("source_fields", List.of("title"), "target_field", "v", "topic_scores_field", "s"), "[topic_scores_field] needs [topics_field]" } };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) c[0];
            OpenSearchParseException e = expectThrows(OpenSearchParseException.class, () -> create(config));
            assertTrue(config + " -> " + e.getMessage(), e.getMessage().contains((String) c[1]));
        }
    }

    private static int batchSize(AbstractBatchingProcessor processor) {
        return ((TextEmbeddingProcessor) processor).batchSize();
    }
}
