package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.it.eval.IntraListDiversity;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code podcast_diversify} search response processor in a search pipeline on 2 nodes and 2
 * shards, through REST as users call it. The catalogue: one show ({@code flood}) has 10 near-copies
 * of the same episode right on the query; 5 other shows have 2 episodes each, a little less close
 * to the query and each off in its own direction.
 */
public class DiversifyIT extends PodcastClusterTestCase {

    private static final String INDEX = "diversify-episodes";
    private static final int DIMENSION = 8;
    private static final String FLOOD = "flood";
    private static final int FLOOD_EPISODES = 10;
    private static final int OTHER_SHOWS = 5;
    private static final String PIPELINE = """
        {"response_processors": [{"podcast_diversify": {
            "vector_field": "text_vector", "lambda": 0.3, "max_per_show": 2, "show_field": "show_id", "window": 50}}]}""";

    private final Map<String, float[]> vectors = new HashMap<>();

    private void indexCatalogue() throws Exception {
        rest("PUT", "/" + INDEX, """
            {"settings": {"index": {"knn": true, "number_of_shards": 2, "number_of_replicas": 1}},
             "mappings": {"properties": {
               "title": {"type": "text"}, "show_id": {"type": "keyword"},
               "text_vector": {"type": "knn_vector", "dimension": %d,
                 "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""".formatted(DIMENSION));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < FLOOD_EPISODES; i++) {
            float[] v = new float[DIMENSION];
            v[0] = 1;
            v[1] = 0.02f * i;
            add(bulk, "flood-" + i, FLOOD, v);
        }
        for (int show = 1; show <= OTHER_SHOWS; show++) {
            for (int episode = 0; episode < 2; episode++) {
                float[] v = new float[DIMENSION];
                v[0] = 1;
                v[1 + show] = 0.7f + 0.2f * episode;
                add(bulk, "show" + show + "-" + episode, "show" + show, v);
            }
        }
        Map<String, Object> response = rest("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString());
        assertEquals("bulk: " + response, Boolean.FALSE, response.get("errors"));
        ensureGreen(INDEX);
    }

    private void add(StringBuilder bulk, String id, String show, float[] vector) {
        vectors.put(id, vector);
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (float x : vector) {
            values.add(String.format(Locale.ROOT, "%.3f", x));
        }
        bulk.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n");
        bulk.append("{\"title\":\"").append(id).append("\",\"show_id\":\"").append(show).append("\",\"text_vector\":").append(values).append("}\n");
    }

    private static String knnSearch(int from, int size, String extra) {
        return """
            {"from": %d, "size": %d%s, "query": {"knn": {"text_vector": {"vector": [1,0,0,0,0,0,0,0], "k": 40}}}}""".formatted(from, size, extra);
    }

    private Map<String, Object> search(String body, String pipeline) throws Exception {
        return rest("POST", "/" + INDEX + "/_search" + (pipeline == null ? "" : "?search_pipeline=" + pipeline), body);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> response) {
        return (List<Map<String, Object>>) ((Map<String, Object>) response.get("hits")).get("hits");
    }

    private static List<String> ids(Map<String, Object> response) {
        return hits(response).stream().map(h -> (String) h.get("_id")).toList();
    }

    private static String show(String id) {
        return id.substring(0, id.indexOf('-'));
    }

    public void testOneShowNoLongerFillsThePageAndThePageIsMoreDiverse() throws Exception {
        indexCatalogue();
        rest("PUT", "/_search/pipeline/diversify", PIPELINE);

        Map<String, Object> plain = search(knnSearch(0, 20, ""), null);
        Map<String, Object> diversified = search(knnSearch(0, 20, ""), "diversify");
        List<String> before = ids(plain);
        List<String> after = ids(diversified);
        assertEquals("the query alone fills the top with one show: " + before, List.of(FLOOD), before.subList(0, 10).stream().map(DiversifyIT::show).distinct().toList());

        // the window holds all 20 hits: 2 of the flood and the 10 others are picked, the 8 other flood episodes follow
        int picked = 2 + 2 * OTHER_SHOWS;
        Map<String, Integer> perShow = new HashMap<>();
        for (String id : after.subList(0, picked)) {
            int count = perShow.merge(show(id), 1, Integer::sum);
            assertTrue(after + ": show " + show(id) + " has " + count + " hits in the diversified top", count <= 2);
        }
        assertEquals(after.toString(), List.of(FLOOD), after.subList(picked, 20).stream().map(DiversifyIT::show).distinct().toList());

        // only the order changes: same hits, same scores, same totals and max_score
        assertEquals(new HashSet<>(before), new HashSet<>(after));
        assertEquals(scores(plain), scores(diversified));
        assertEquals(((Map<?, ?>) plain.get("hits")).get("total"), ((Map<?, ?>) diversified.get("hits")).get("total"));
        assertEquals(((Map<?, ?>) plain.get("hits")).get("max_score"), ((Map<?, ?>) diversified.get("hits")).get("max_score"));

        double diversityBefore = IntraListDiversity.of(before.subList(0, 10), vectors);
        double diversityAfter = IntraListDiversity.of(after.subList(0, 10), vectors);
        logger.info("intra-list diversity of the top 10: {} without the pipeline, {} with it", diversityBefore, diversityAfter);
        assertTrue("intra-list diversity of the top 10: " + diversityBefore + " -> " + diversityAfter, diversityAfter > diversityBefore + 0.1);
    }

    public void testEachPageIsDiversifiedOnItsOwnAndNoHitChangesPage() throws Exception {
        indexCatalogue();
        rest("PUT", "/_search/pipeline/diversify", PIPELINE);
        for (int from : new int[] { 0, 5, 10 }) {
            List<String> plain = ids(search(knnSearch(from, 5, ""), null));
            List<String> diversified = ids(search(knnSearch(from, 5, ""), "diversify"));
            assertEquals("page from " + from, new HashSet<>(plain), new HashSet<>(diversified));
        }
    }

    public void testWithoutVectorsInTheHitsTheShowCapStillHolds() throws Exception {
        indexCatalogue();
        rest("PUT", "/_search/pipeline/diversify", PIPELINE);
        // _source filtered to the title: no vector, and the show id from doc values
        List<String> after = ids(search(knnSearch(0, 20, ", \"_source\": [\"title\"], \"docvalue_fields\": [\"show_id\"]"), "diversify"));
        Map<String, Integer> perShow = new HashMap<>();
        for (String id : after.subList(0, 2 + 2 * OTHER_SHOWS)) {
            assertTrue(after.toString(), perShow.merge(show(id), 1, Integer::sum) <= 2);
        }
    }

    public void testExplainSaysWhyAHitMoved() throws Exception {
        indexCatalogue();
        rest("PUT", "/_search/pipeline/diversify", PIPELINE);
        Map<String, Object> response = search(knnSearch(0, 20, ", \"explain\": true"), "diversify");
        String last = String.valueOf(hits(response).get(19).get("_explanation"));
        assertTrue(last, last.contains("held back below the diversified hits"));
    }

    public void testBadParametersAre400sNamingTheParameter() throws Exception {
        String processor = "{\"response_processors\": [{\"podcast_diversify\": {%s}}]}";
        assertBadPipeline(processor.formatted("\"vector_field\": \"text_vector\", \"lambda\": 1.5"), "[lambda]");
        assertBadPipeline(processor.formatted("\"vector_field\": \"text_vector\", \"window\": 0"), "[window]");
        assertBadPipeline(processor.formatted("\"vector_field\": \"text_vector\", \"window\": 100000"), "[window] must be between 1 and 1000");
        assertBadPipeline(processor.formatted("\"vector_field\": \"text_vector\", \"max_per_show\": 0"), "[max_per_show]");
        assertBadPipeline(processor.formatted("\"lambda\": 0.3"), "[vector_field] required property is missing");
        assertBadPipeline(processor.formatted("\"vector_field\": \"text_vector\", \"colour\": \"red\""), "[colour] unknown parameter");
    }

    private void assertBadPipeline(String body, String expected) throws Exception {
        Request request = new Request("PUT", "/_search/pipeline/bad");
        request.setJsonEntity(body);
        ResponseException e = expectThrows(ResponseException.class, () -> getRestClient().performRequest(request));
        String response = EntityUtils.toString(e.getResponse().getEntity());
        assertEquals(body + " -> " + response, 400, e.getResponse().getStatusLine().getStatusCode());
        assertTrue(body + " -> " + response, response.contains(expected));
    }

    private static Map<String, Object> scores(Map<String, Object> response) {
        Map<String, Object> scores = new HashMap<>();
        hits(response).forEach(h -> scores.put((String) h.get("_id"), h.get("_score")));
        return scores;
    }
}
