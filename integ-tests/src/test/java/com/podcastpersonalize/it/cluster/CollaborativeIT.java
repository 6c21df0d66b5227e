package com.podcastpersonalize.it.cluster;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;

import java.util.List;
import java.util.Map;

/**
 * Co-listening on the two-tastes catalogue over 3 shards: fans of a true-crime episode also finished
 * a cooking episode that shares no words or topic with it; after training, a newcomer who finished
 * only the crime episode gets the cooking episode from the {@code collaborative} component, with
 * the reason in words, in the query and in the rescorer; bad trainings leave the model in use.
 */
public class CollaborativeIT extends TwoTastesTestCase {

    private static final String INDEX = "episodes";
    private static final String NEWCOMER = "newcomer";

    public void testCoListeningRecommendsWhatContentCannot() throws Exception {
        indexCatalogue(INDEX, 3);
        assertStatus("GET", "/_plugins/podcast/collaborative", null, 404, "no collaborative model yet");
        assertStatus("POST", "/_plugins/podcast/collaborative/_train", null, 400, "no listening events to learn from");

        for (int fan = 1; fan <= 3; fan++) {
            listen("fan-" + fan, List.of("crime-zodiac", "cook-gumbo"));
        }
        listen(NEWCOMER, List.of("crime-zodiac"));
        String coListened = """
            {"size": 3, "explain": true, "query": {"personalize": {"listener_id": "newcomer",
              "weights": {"collaborative": %s, "interest": 0.2, "popularity": 0}}}}""";
        assertNotEquals("before training, content alone", "cook-gumbo", search(INDEX, coListened.formatted("1")).ids().get(0));

        Map<String, Object> trained = rest("POST", "/_plugins/podcast/collaborative/_train", null);
        assertEquals(trained.toString(), 7, ((Number) trained.get("events")).intValue());
        assertEquals(trained.toString(), 4, ((Number) trained.get("listeners")).intValue());
        assertEquals(trained.toString(), 2, ((Number) trained.get("episodes_with_neighbours")).intValue());
        Map<String, Object> model = rest("GET", "/_plugins/podcast/collaborative", null);
        assertEquals(trained.get("index"), model.get("index"));

        Result result = search(INDEX, coListened.formatted("1"));
        assertEquals(result.ids().toString(), "cook-gumbo", result.ids().get(0));
        String explanation = result.hits().get(0).get("_explanation").toString();
        assertTrue(explanation, explanation.contains("listeners of 'The Zodiac killer's ciphers' also liked this"));
        assertFalse("heard episodes stay out", result.ids().contains("crime-zodiac"));
        assertNotEquals("weight 0 switches it off", "cook-gumbo", search(INDEX, coListened.formatted("0")).ids().get(0));

        Result rescored = search(INDEX, """
            {"size": 3, "query": {"match_all": {}}, "rescore": {"window_size": 20, "personalize": {
              "listener_id": "newcomer", "interest_weight": 0, "collaborative_weight": 5}}}""");
        assertEquals(rescored.ids().toString(), "cook-gumbo", rescored.ids().get(0));

        // a training with nothing to learn fails alone: the model trained before stays in use
        assertStatus("POST", "/_plugins/podcast/collaborative/_train", "{\"filter\": {\"term\": {\"listener_id\": \"newcomer\"}}}", 400, "nothing to learn");
        assertEquals(trained.get("index"), rest("GET", "/_plugins/podcast/collaborative", null).get("index"));
        assertEquals("cook-gumbo", search(INDEX, coListened.formatted("1")).ids().get(0));

        assertStatus("POST", "/_plugins/podcast/collaborative/_train", "{\"max_neighbours\": 0}", 400, "[max_neighbours] must be in [1, 1000]");
        assertStatus("POST", "/_plugins/podcast/collaborative/_train", "{\"neighbors\": 5}", 400, "unknown field [neighbors]");
        assertStatus("POST", "/_plugins/podcast/collaborative/_train", "{\"filter\": \"fan\"}", 400, "[filter] must be a query object");

        // retraining moves the alias and removes the previous generation
        Map<String, Object> retrained = rest("POST", "/_plugins/podcast/collaborative/_train", "{\"min_co_listeners\": 2}");
        assertNotEquals(trained.get("index"), retrained.get("index"));
        assertStatus("GET", "/" + trained.get("index"), null, 404, "index_not_found_exception");
        assertEquals("cook-gumbo", search(INDEX, coListened.formatted("1")).ids().get(0)); // 3 co-listeners >= 2
    }

    private void assertStatus(String method, String path, String body, int status, String expected) throws Exception {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        ResponseException e = expectThrows(ResponseException.class, () -> getRestClient().performRequest(request));
        String response = EntityUtils.toString(e.getResponse().getEntity());
        assertEquals(path + " " + body + " -> " + response, status, e.getResponse().getStatusLine().getStatusCode());
        assertTrue(path + " " + body + " -> " + response, response.contains(expected));
    }
}
