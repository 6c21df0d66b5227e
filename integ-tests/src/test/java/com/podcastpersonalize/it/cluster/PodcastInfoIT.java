package com.podcastpersonalize.it.cluster;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;
import org.opensearch.common.settings.Settings;

import java.util.List;
import java.util.Map;

public class PodcastInfoIT extends PodcastClusterTestCase {

    @SuppressWarnings("unchecked")
    public void testInfoReportsPluginKnnSettingsAndLoadableModelsOnEveryNode() throws Exception {
        assertEquals(2, internalCluster().size());
        for (int i = 0; i < 4; i++) { // the REST client picks nodes round-robin
            Map<String, Object> info = rest("GET", "/_plugins/podcast/info", null);
            assertEquals("podcast-personalize", ((Map<String, Object>) info.get("plugin")).get("name"));
            assertEquals("opensearch-knn", ((Map<String, Object>) info.get("knn")).get("name"));
            assertEquals("3.5.0", info.get("opensearch_version"));
            assertEquals("episodes", ((Map<String, Object>) info.get("settings")).get("plugins.podcast.episodes_index"));
            Map<String, Object> models = (Map<String, Object>) info.get("models");
            assertEquals("bge-small-en-v1.5-q", models.get("default"));
            List<Map<String, Object>> text = (List<Map<String, Object>>) models.get("text");
            Map<String, Object> bge = text.stream().filter(m -> "bge-small-en-v1.5-q".equals(m.get("name"))).findFirst().orElseThrow();
            assertEquals(Boolean.TRUE, bge.get("loadable"));
            assertEquals(384, bge.get("dimension"));
        }
    }

    @SuppressWarnings("unchecked")
    public void testDynamicSettingIsAppliedAndReported() throws Exception {
        client().admin().cluster().prepareUpdateSettings()
            .setPersistentSettings(Settings.builder().put("plugins.podcast.episodes_index", "shows-2017"))
            .get();
        try {
            for (int i = 0; i < 2; i++) {
                Map<String, Object> info = rest("GET", "/_plugins/podcast/info", null);
                assertEquals("shows-2017", ((Map<String, Object>) info.get("settings")).get("plugins.podcast.episodes_index"));
            }
        } finally {
            client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().putNull("plugins.podcast.episodes_index"))
                .get();
        }
    }

    public void testBadSettingValuesGet400NamingTheSetting() throws Exception {
        String[][] cases = {
            { "plugins.podcast.text.max_chunks", "\"lots\"" },
            { "plugins.podcast.text.max_chunks", "0" },
            { "plugins.podcast.text.max_chunks", "100000" },
            { "plugins.podcast.episodes_index", "\"Bad/Name\"" },
            { "plugins.podcast.audio.allowed_paths", "[\"relative/dir\"]" },
            { "plugins.podcast.audio.allowed_hosts", "[\"https://example.com/x\"]" },
            { "plugins.podcast.no_such_setting", "1" } };
        for (String[] c : cases) {
            Request request = new Request("PUT", "/_cluster/settings");
            request.setJsonEntity("{\"persistent\":{\"" + c[0] + "\":" + c[1] + "}}");
            ResponseException e = expectThrows(ResponseException.class, () -> getRestClient().performRequest(request));
            assertEquals(c[0] + "=" + c[1], 400, e.getResponse().getStatusLine().getStatusCode());
            String body = EntityUtils.toString(e.getResponse().getEntity());
            assertTrue(body, body.contains(c[0]));
        }
        // nothing was applied
        assertNull(clusterService().state().metadata().persistentSettings().get("plugins.podcast.text.max_chunks"));
    }

    @SuppressWarnings("unchecked")
    public void testLuceneCosineKnnIndexWorksBesideThePlugin() throws Exception {
        rest("PUT", "/vectors", """
            {"settings": {"index": {"knn": true, "number_of_shards": 2, "number_of_replicas": 1}},
             "mappings": {"properties": {"v": {"type": "knn_vector", "dimension": 3,
               "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""");
        rest("POST", "/vectors/_bulk?refresh=true", """
            {"index": {"_id": "east"}}
            {"v": [1.0, 0.0, 0.0]}
            {"index": {"_id": "north"}}
            {"v": [0.0, 1.0, 0.0]}
            {"index": {"_id": "up"}}
            {"v": [0.0, 0.0, 1.0]}
            """);
        ensureGreen("vectors");
        Map<String, Object> result = rest("POST", "/vectors/_search", """
            {"size": 3, "query": {"knn": {"v": {"vector": [0.9, 0.3, 0.0], "k": 3}}}}""");
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) result.get("hits")).get("hits");
        assertEquals(3, hits.size());
        assertEquals("east", hits.get(0).get("_id"));
        assertEquals("north", hits.get(1).get("_id"));
        // Lucene cosine score is (1 + cos) / 2
        double cosEast = 0.9 / Math.sqrt(0.9 * 0.9 + 0.3 * 0.3);
        assertEquals((1 + cosEast) / 2, ((Number) hits.get(0).get("_score")).doubleValue(), 1e-4);
    }
}
