package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a data set's index and loads its items through a {@code podcast_text_embedding} pipeline
 * (text vector of the text fields, 384-d, Lucene HNSW, cosine), one shard so that BM25 statistics
 * and RRF ranks are those of the whole catalogue. Popularity is indexed as {@code play_count}
 * (training interactions per item) and {@code play_count_validation} (the same count over the
 * validation split's training part, for tuning without a peek at the validation items).
 */
public final class CatalogueIndexer {

    private static final int BATCH = 250;

    private final JsonNodeClient client;

    public CatalogueIndexer(JsonNodeClient client) {
        this.client = client;
    }

    public void index(String index, Dataset dataset, Map<String, Integer> playCount, Map<String, Integer> validationPlayCount) throws IOException {
        String pipeline = index + "-text";
        XContentBuilder processor = JsonXContent.contentBuilder().startObject()
            .field("description", "offline evaluation: text vector of " + dataset.name() + " items")
            .startArray("processors").startObject().startObject("podcast_text_embedding")
            .field("source_fields", dataset.textFields()).field("target_field", "text_vector").field("topics_field", "topics")
            .endObject().endObject().endArray().endObject();
        client.send("PUT", "/_ingest/pipeline/" + pipeline, processor);
        client.send("DELETE", "/" + index + "?ignore_unavailable=true", (String) null);
        client.send("PUT", "/" + index, mapping(dataset.textFields(), pipeline));
        List<Item> items = dataset.items();
        long start = System.nanoTime();
        for (int from = 0; from < items.size(); from += BATCH) {
            StringBuilder bulk = new StringBuilder();
            for (Item item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                bulk.append("{\"index\":{\"_id\":\"").append(item.id()).append("\"}}\n");
                try (XContentBuilder doc = JsonXContent.contentBuilder()) {
                    doc.startObject().field("item_id", item.id()).field("show_id", item.id());
                    for (Map.Entry<String, String> field : item.text().entrySet()) {
                        doc.field(field.getKey(), field.getValue());
                    }
                    doc.field("play_count", playCount.getOrDefault(item.id(), 0))
                        .field("play_count_validation", validationPlayCount.getOrDefault(item.id(), 0))
                        .endObject();
                    bulk.append(doc.toString()).append('\n');
                }
            }
            Map<String, Object> response = client.send("POST", "/" + index + "/_bulk", bulk.toString());
            if (Boolean.TRUE.equals(response.get("errors"))) {
                String items1 = String.valueOf(response.get("items"));
                throw new IllegalStateException("items failed to index: " + items1.substring(0, Math.min(1500, items1.length())));
            }
            int done = Math.min(items.size(), from + BATCH);
            double seconds = (System.nanoTime() - start) / 1e9;
            Progress.log(String.format(Locale.ROOT, "%s: indexed %d/%d items through the pipeline (%.0f items/s)", dataset.name(), done, items.size(), done / seconds));
        }
        client.send("POST", "/" + index + "/_refresh", (String) null);
        client.send("POST", "/" + index + "/_forcemerge?max_num_segments=1", (String) null);
    }

    private static XContentBuilder mapping(List<String> textFields, String pipeline) throws IOException {
        XContentBuilder b = JsonXContent.contentBuilder().startObject()
            .startObject("settings").startObject("index")
            .field("knn", true).field("number_of_shards", 1).field("number_of_replicas", 0).field("default_pipeline", pipeline)
            .endObject().endObject()
            .startObject("mappings").startObject("properties")
            .startObject("item_id").field("type", "keyword").endObject()
            .startObject("show_id").field("type", "keyword").endObject()
            .startObject("play_count").field("type", "long").endObject()
            .startObject("play_count_validation").field("type", "long").endObject()
            .startObject("topics").field("type", "keyword").endObject()
            .startObject("topics_scores").field("type", "float").endObject();
        for (String field : textFields) {
            b.startObject(field).field("type", "text").endObject();
        }
        return b.startObject("text_vector").field("type", "knn_vector").field("dimension", 384)
            .startObject("method").field("name", "hnsw").field("engine", "lucene").field("space_type", "cosinesimil").endObject()
            .endObject()
            .endObject().endObject().endObject();
    }
}
