package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.it.support.EpisodeCatalog;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The podcast_text_embedding processor and the embed API on a 2-node cluster, with real episodes. */
public class TextEmbeddingIT extends PodcastClusterTestCase {

    private static final String PIPELINE = """
        {"processors": [{"podcast_text_embedding": {
            "source_fields": ["title", "description"], "target_field": "text_vector",
            "field_weights": {"title": 1.0, "description": 1.0}, "topics_field": "topics"}}]}""";

    private void createEpisodesIndex(String index, int dimension) throws Exception {
        rest("PUT", "/" + index, """
            {"settings": {"index": {"knn": true, "number_of_shards": 2, "number_of_replicas": 1, "default_pipeline": "episodes"}},
             "mappings": {"properties": {
               "title": {"type": "text"}, "description": {"type": "text"},
               "topics": {"type": "keyword"}, "topics_scores": {"type": "float"},
               "text_vector": {"type": "knn_vector", "dimension": %d,
                 "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""".formatted(dimension));
    }

    @SuppressWarnings("unchecked")
    public void testBulkOfRealEpisodesThenKnnFindsTheParaphrasedOne() throws Exception {
        rest("PUT", "/_ingest/pipeline/episodes", PIPELINE);
        createEpisodesIndex("episodes", 384);
        List<EpisodeCatalog.Episode> catalog = EpisodeCatalog.load();
        List<EpisodeCatalog.Episode> batch = new ArrayList<>(catalog.subList(0, 499));
        EpisodeCatalog.Episode amtrak = catalog.stream().filter(e -> e.id().equals("1950")).findFirst().orElseThrow();
        batch.add(amtrak);
        StringBuilder bulk = new StringBuilder();
        for (EpisodeCatalog.Episode episode : batch) {
            bulk.append("{\"index\":{\"_id\":\"").append(episode.id()).append("\"}}\n");
            try (XContentBuilder source = JsonXContent.contentBuilder()) {
                source.map(Map.of("title", episode.title(), "description", episode.description()));
                bulk.append(source.toString()).append('\n');
            }
        }
        Map<String, Object> response = rest("POST", "/episodes/_bulk?refresh=true", bulk.toString());
        assertEquals("bulk had errors: " + firstError(response), Boolean.FALSE, response.get("errors"));
        assertEquals(500, ((List<?>) response.get("items")).size());
        ensureGreen("episodes");

        String paraphrase = "A transport crisis expert on what happened after the deadly passenger train crash in Washington state";
        List<Double> vector = embed(paraphrase, "query");
        Map<String, Object> result = rest("POST", "/episodes/_search", """
            {"size": 3, "_source": ["title", "topics"], "query": {"knn": {"text_vector": {"vector": %s, "k": 10}}}}""".formatted(vector));
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) result.get("hits")).get("hits");
        assertEquals("top hits: " + hits, "1950", hits.get(0).get("_id"));

        Map<String, Object> doc = rest("GET", "/episodes/_doc/1950", null);
        Map<String, Object> source = (Map<String, Object>) doc.get("_source");
        List<Number> stored = (List<Number>) source.get("text_vector");
        assertEquals(384, stored.size());
        assertEquals(1.0, Math.sqrt(stored.stream().mapToDouble(v -> v.doubleValue() * v.doubleValue()).sum()), 1e-4);
        assertEquals(3, ((List<?>) source.get("topics")).size());
        logger.info("topics of episode 1950 ({}): {} {}", amtrak.title(), source.get("topics"), source.get("topics_scores"));
    }

    @SuppressWarnings("unchecked")
    public void testIngestAndEmbedApiGiveTheSameVector() throws Exception {
        rest("PUT", "/_ingest/pipeline/title_only", """
            {"processors": [{"podcast_text_embedding": {"source_fields": ["title"], "target_field": "v"}}]}""");
        String title = "The origins of jazz in New Orleans, told by the musicians who were there";
        rest("PUT", "/same/_doc/1?pipeline=title_only&refresh=true", "{\"title\": \"" + title + "\"}");
        List<Number> ingested = (List<Number>) ((Map<String, Object>) rest("GET", "/same/_doc/1", null).get("_source")).get("v");
        List<Double> embedded = embed(title, "document");
        assertEquals(384, embedded.size());
        for (int i = 0; i < embedded.size(); i++) {
            assertEquals("dimension " + i, embedded.get(i), ingested.get(i).doubleValue(), 1e-6);
        }
    }

    @SuppressWarnings("unchecked")
    public void testBadDocumentsFailAloneAndTheRestOfTheBulkIsIndexed() throws Exception {
        rest("PUT", "/_ingest/pipeline/episodes", PIPELINE);
        createEpisodesIndex("mixed", 384);
        String megabyte = "Transcript of a very long episode about the history of radio drama. ".repeat(15_500);
        String bulk = String.join("\n",
            "{\"index\":{\"_id\":\"good\"}}", "{\"title\":\"A good episode about jazz\",\"description\":\"Interviews with drummers.\"}",
            "{\"index\":{\"_id\":\"number\"}}", "{\"title\":12345}",
            "{\"index\":{\"_id\":\"object\"}}", "{\"title\":\"fine\",\"description\":{\"nested\":true}}",
            "{\"index\":{\"_id\":\"array\"}}", "{\"title\":[\"Part one\",\"Part two\"],\"description\":\"An array of strings is one text.\"}",
            "{\"index\":{\"_id\":\"empty\"}}", "{\"title\":\"\",\"description\":\"\"}",
            "{\"index\":{\"_id\":\"missing\"}}", "{\"other\":\"no text fields at all\"}",
            "{\"index\":{\"_id\":\"surrogate\"}}", "{\"title\":\"broken \\ud800 surrogate\",\"description\":\"still indexed\"}",
            "{\"index\":{\"_id\":\"huge\"}}", "{\"title\":\"A one megabyte transcript\",\"description\":\"" + megabyte + "\"}",
            "{\"index\":{\"_id\":\"good2\"}}", "{\"title\":\"Another good one about true crime\"}", "");
        Map<String, Object> response = rest("POST", "/mixed/_bulk?refresh=true", bulk);
        Map<String, Map<String, Object>> items = new java.util.HashMap<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) response.get("items")) {
            Map<String, Object> result = (Map<String, Object>) item.get("index");
            items.put((String) result.get("_id"), result);
        }
        for (String ok : List.of("good", "array", "empty", "missing", "surrogate", "huge", "good2")) {
            assertEquals(ok + ": " + items.get(ok), 201, items.get(ok).get("status"));
        }
        assertEquals(400, items.get("number").get("status"));
        assertTrue(items.get("number").toString(), items.get("number").toString().contains("field [title] must be a string or an array of strings"));
        assertEquals(400, items.get("object").get("status"));
        assertTrue(items.get("object").toString(), items.get("object").toString().contains("field [description]"));
        // no text: indexed without a vector
        Map<String, Object> missing = (Map<String, Object>) rest("GET", "/mixed/_doc/missing", null).get("_source");
        assertFalse(missing.containsKey("text_vector"));
        Map<String, Object> huge = (Map<String, Object>) rest("GET", "/mixed/_doc/huge", null).get("_source");
        assertEquals(384, ((List<?>) huge.get("text_vector")).size());
        // the node is healthy and answers
        assertEquals("podcast-personalize", ((Map<String, Object>) rest("GET", "/_plugins/podcast/info", null).get("plugin")).get("name"));
    }

    @SuppressWarnings("unchecked")
    public void testTargetFieldOfAnotherDimensionFailsPerDocument() throws Exception {
        rest("PUT", "/_ingest/pipeline/episodes", PIPELINE);
        createEpisodesIndex("small_vectors", 8);
        Map<String, Object> response = rest("POST", "/small_vectors/_bulk?refresh=true",
            "{\"index\":{\"_id\":\"1\"}}\n{\"title\":\"jazz\"}\n{\"index\":{\"_id\":\"2\"}}\n{\"other\":\"no text\"}\n");
        List<Map<String, Object>> items = (List<Map<String, Object>>) response.get("items");
        Map<String, Object> first = (Map<String, Object>) items.get(0).get("index");
        assertEquals(400, first.get("status"));
        assertTrue(first.toString(), first.toString().toLowerCase(java.util.Locale.ROOT).contains("dimension"));
        assertEquals(201, ((Map<String, Object>) items.get(1).get("index")).get("status"));
    }

    public void testBadPipelineDefinitionsAreRefusedAtCreation() throws Exception {
        String[][] cases = {
            { "{\"source_fields\": [\"title\"], \"target_field\": \"v\", \"model\": \"bge-smal\"}", "unknown model [bge-smal]" },
            { "{\"source_fields\": [], \"target_field\": \"v\"}", "source_fields" },
            { "{\"target_field\": \"v\"}", "source_fields" },
            { "{\"source_fields\": [\"title\"]}", "target_field" },
            { "{\"source_fields\": [\"title\"], \"target_field\": \"v\", \"field_weights\": {\"title\": -1}}", "field_weights" },
            { "{\"source_fields\": [\"title\"], \"target_field\": \"v\", \"field_weights\": {\"body\": 1}}", "[body] is not one of [source_fields]" },
            { "{\"source_fields\": [\"title\"], \"target_field\": \"v\", \"topics_count\": 0}", "topics_count" },
            { "{\"source_fields\": [\"title\"], \"target_field\": \"v\", \"sourcefields\": [\"x\"]}", "sourcefields" } };
        for (String[] c : cases) {
            Request request = new Request("PUT", "/_ingest/pipeline/bad");
            request.setJsonEntity("{\"processors\": [{\"podcast_text_embedding\": " + c[0] + "}]}");
            ResponseException e = expectThrows(ResponseException.class, () -> getRestClient().performRequest(request));
            assertEquals(c[0], 400, e.getResponse().getStatusLine().getStatusCode());
            String body = EntityUtils.toString(e.getResponse().getEntity());
            assertTrue(c[0] + " -> " + body, body.contains(c[1]));
        }
    }

    public void testEmbedApiRefusesBadRequestsWith400() throws Exception {
        String[][] cases = {
            { "{}", "[texts] is required" },
            { "{\"texts\": []}", "1 to 256 texts" },
            { "{\"texts\": [1]}", "[texts][0] must be a string" },
            { "{\"texts\": [\"\"]}", "[texts][0] is empty" },
            { "{\"texts\": [\"a\"], \"model\": \"nope\"}", "unknown model [nope]" },
            { "{\"texts\": [\"a\"], \"input_type\": \"passage\"}", "[input_type] must be one of" },
            { "{\"texts\": [\"a\"], \"text\": 1}", "unknown field [text]" } };
        for (String[] c : cases) {
            Request request = new Request("POST", "/_plugins/podcast/embed");
            request.setJsonEntity(c[0]);
            ResponseException e = expectThrows(ResponseException.class, () -> getRestClient().performRequest(request));
            assertEquals(c[0], 400, e.getResponse().getStatusLine().getStatusCode());
            String body = EntityUtils.toString(e.getResponse().getEntity());
            assertTrue(c[0] + " -> " + body, body.contains(c[1]));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Double> embed(String text, String inputType) throws Exception {
        try (XContentBuilder body = JsonXContent.contentBuilder()) {
            body.map(Map.of("texts", List.of(text), "input_type", inputType));
            Map<String, Object> response = rest("POST", "/_plugins/podcast/embed", body.toString());
            assertEquals("bge-small-en-v1.5-q", response.get("model"));
            assertEquals(384, response.get("dimension"));
            return ((List<List<Double>>) response.get("embeddings")).get(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static String firstError(Map<String, Object> bulkResponse) {
        for (Map<String, Object> item : (List<Map<String, Object>>) bulkResponse.get("items")) {
            Map<String, Object> result = (Map<String, Object>) item.values().iterator().next();
            if (result.get("error") != null) {
                return String.valueOf(result);
            }
        }
        return "none";
    }
}
