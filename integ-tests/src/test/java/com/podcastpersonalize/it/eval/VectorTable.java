package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads every item's text vector back from the index (as the pipeline wrote it), page by page. */
public final class VectorTable {

    private static final int PAGE = 500;

    private VectorTable() {}

    @SuppressWarnings("unchecked")
    public static Map<String, float[]> load(JsonNodeClient client, String index) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        Object after = null;
        while (true) {
            XContentBuilder body = JsonXContent.contentBuilder().startObject()
                .field("size", PAGE).array("_source", "text_vector")
                .startArray("sort").startObject().field("item_id", "asc").endObject().endArray();
            if (after != null) {
                body.array("search_after", after);
            }
            List<Map<String, Object>> hits = JsonNodeClient.hits(client.send("POST", "/" + index + "/_search", body.endObject()));
            for (Map<String, Object> hit : hits) {
                Object vector = ((Map<String, Object>) hit.get("_source")).get("text_vector");
                if (vector instanceof List<?> values) {
                    float[] v = new float[values.size()];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = ((Number) values.get(d)).floatValue();
                    }
                    vectors.put((String) hit.get("_id"), v);
                }
            }
            if (hits.size() < PAGE) {
                return vectors;
            }
            after = ((List<Object>) hits.get(hits.size() - 1).get("sort")).get(0);
        }
    }
}
