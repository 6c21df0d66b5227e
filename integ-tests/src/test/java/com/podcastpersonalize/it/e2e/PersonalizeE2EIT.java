package com.podcastpersonalize.it.e2e;

import com.podcastpersonalize.it.support.TwoTastes;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The {@code personalize} clause and rescorer on the real node, sent through the official Java
 * client: the typed search API carries the clause in a {@code wrapper} query (the client has no
 * type for plugin queries), the generic API sends it as users write it in JSON.
 */
public class PersonalizeE2EIT {

    private static final String INDEX = "episodes"; // the default of plugins.podcast.episodes_index
    private static RealNode node;

    @BeforeClass
    public static void indexCatalogueAndListen() throws IOException {
        node = RealNode.fromBuild();
        if (node.client.indices().exists(e -> e.index(INDEX)).value()) {
            node.client.indices().delete(d -> d.index(INDEX));
        }
        node.sendOk("PUT", "/_ingest/pipeline/two_tastes", TwoTastes.PIPELINE);
        node.sendOk("PUT", "/" + INDEX, TwoTastes.indexBody(2, 0, "two_tastes"));
        String bulk = node.sendOk("POST", "/" + INDEX + "/_bulk?refresh=true", TwoTastes.bulkBody());
        assertTrue(bulk, bulk.contains("\"errors\":false"));
        node.sendOk("POST", "/_plugins/podcast/events", TwoTastes.finishedEvents("e2e-jazz", TwoTastes.JAZZ_FINISHED));
        node.sendOk("POST", "/_plugins/podcast/events", TwoTastes.finishedEvents("e2e-crime", TwoTastes.CRIME_FINISHED));
    }

    @AfterClass
    public static void cleanUp() throws IOException {
        node.client.indices().delete(d -> d.index(INDEX));
        node.send("DELETE", "/_plugins/podcast/listeners/e2e-jazz", null);
        node.send("DELETE", "/_plugins/podcast/listeners/e2e-crime", null);
        node.close();
    }

    @Test
    @SuppressWarnings("rawtypes")
    public void theTypedClientSendsTheClauseAndEachListenerGetsTheirAnswer() throws IOException {
        for (String[] listenerAndAnswer : new String[][] { { "e2e-jazz", TwoTastes.JAZZ_ANSWER }, { "e2e-crime", TwoTastes.CRIME_ANSWER } }) {
            String clause = """
                {"personalize": {"listener_id": "%s", "query_text": "%s", "text_fields": ["title^2", "description"],
                  "vector_field": "text_vector", "weights": {"lexical": 0.3, "semantic": 0.3, "interest": 0.4}, "exclude_heard": true}}"""
                .formatted(listenerAndAnswer[0], TwoTastes.AMBIGUOUS_QUERY);
            String encoded = Base64.getEncoder().encodeToString(clause.getBytes(StandardCharsets.UTF_8));
            SearchResponse<Map> response = node.client.search(s -> s.index(INDEX).size(3).query(q -> q.wrapper(w -> w.query(encoded))), Map.class);
            List<String> ids = response.hits().hits().stream().map(Hit::id).toList();
            assertEquals(listenerAndAnswer[0] + ": " + ids, listenerAndAnswer[1], ids.get(0));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theRescorerReordersAPlainSearchForTheListener() throws IOException {
        String body = """
            {"size": 2, "query": {"match": {"title": "New Orleans"}},
             "rescore": {"window_size": 10, "personalize": {"listener_id": "e2e-crime", "interest_weight": 2.0,
               "freshness_field": "published_at", "popularity_field": "play_count"}}}""";
        Map<String, Object> parsed = new ObjectMapper().readValue(node.sendOk("POST", "/" + INDEX + "/_search", body), Map.class);
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) parsed.get("hits")).get("hits");
        assertEquals(hits.toString(), TwoTastes.CRIME_ANSWER, hits.get(0).get("_id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aCollaborativeModelTrainedOnTheNodeRecommendsWhatFansAlsoFinished() throws IOException {
        List<String> listeners = List.of("e2e-fan-1", "e2e-fan-2", "e2e-newcomer");
        try {
            node.sendOk("POST", "/_plugins/podcast/events", TwoTastes.finishedEvents("e2e-fan-1", List.of("crime-zodiac", "cook-gumbo")));
            node.sendOk("POST", "/_plugins/podcast/events", TwoTastes.finishedEvents("e2e-fan-2", List.of("crime-zodiac", "cook-gumbo")));
            node.sendOk("POST", "/_plugins/podcast/events", TwoTastes.finishedEvents("e2e-newcomer", List.of("crime-zodiac")));
            String trained = node.sendOk("POST", "/_plugins/podcast/collaborative/_train", "{\"filter\": {\"prefix\": {\"listener_id\": \"e2e-\"}}}");
            assertTrue(trained, trained.contains("\"episodes_with_neighbours\""));
            String body = """
                {"size": 1, "explain": true, "query": {"personalize": {"listener_id": "e2e-newcomer",
                  "weights": {"collaborative": 1, "interest": 0.2, "popularity": 0}}}}""";
            Map<String, Object> parsed = new ObjectMapper().readValue(node.sendOk("POST", "/" + INDEX + "/_search", body), Map.class);
            List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) parsed.get("hits")).get("hits");
            assertEquals(hits.toString(), "cook-gumbo", hits.get(0).get("_id"));
            assertTrue(hits.toString(), hits.get(0).get("_explanation").toString().contains("also liked this"));
        } finally {
            for (String listener : listeners) {
                node.send("DELETE", "/_plugins/podcast/listeners/" + listener, null);
            }
            node.send("DELETE", "/podcast-collaborative-*", null);
        }
    }

    @Test
    public void aBadClauseIsA400ThatNamesTheField() throws IOException {
        RealNode.Answer answer = node.send("POST", "/" + INDEX + "/_search", "{\"query\": {\"personalize\": {\"listener_id\": \"e2e-jazz\", \"k\": 0}}}");
        assertEquals(answer.body(), 400, answer.status());
        assertTrue(answer.body(), answer.body().contains("[k]"));
    }
}
