package com.podcastpersonalize.it.e2e;

import com.podcastpersonalize.it.support.EpisodeCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/**
 * Listener events on the real node: real episodes embedded and tagged by the text pipeline, events
 * in (with a search embedded by the model), the profile out in words, and a delete that leaves no
 * event and no profile behind.
 */
public class ListenerEventsE2EIT {

    private static final String EPISODES = "e2e-listener-episodes";
    private static final String LISTENER = "e2e-listener-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RealNode node;

    @BeforeClass
    public static void connect() throws Exception {
        node = RealNode.fromBuild();
        call("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": \"" + EPISODES + "\"}}");
    }

    @AfterClass
    public static void disconnect() throws Exception {
        try {
            call("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": null}}");
        } finally {
            node.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void eventsInProfileOutDeleteLeavesNoTrace() throws Exception {
        List<EpisodeCatalog.Episode> episodes = indexEpisodes();
        long t0 = java.time.Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String type = i < 3 ? "complete" : i < 5 ? "play" : "like";
            events.add("{\"listener_id\":\"%s\",\"episode_id\":\"%s\",\"type\":\"%s\",\"timestamp\":%d,\"position_s\":900,\"duration_s\":1800}"
                .formatted(LISTENER, episodes.get(i).id(), type, t0 + i * 60_000L));
        }
        events.add("{\"listener_id\":\"%s\",\"type\":\"search\",\"query\":\"history of jazz\",\"timestamp\":\"2026-11-20T11:00:00Z\"}".formatted(LISTENER));
        Map<String, Object> response = call("POST", "/_plugins/podcast/events", "{\"events\": [" + String.join(",", events) + "]}");
        assertEquals(response.toString(), Boolean.FALSE, response.get("errors"));
        for (Map<String, Object> item : (List<Map<String, Object>>) response.get("items")) {
            assertEquals(item.toString(), 201, item.get("status"));
        }

        Map<String, Object> profile = call("GET", "/_plugins/podcast/listeners/" + LISTENER, null);
        assertEquals("interests", profile.get("strategy"));
        assertEquals(Map.of("complete", 3, "play", 2, "like", 1, "search", 1), profile.get("counts"));
        assertEquals("2026-11-20T11:00:00Z", profile.get("last_event_at"));
        Set<String> heardTopics = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> source = (Map<String, Object>) call("GET", "/" + EPISODES + "/_doc/" + episodes.get(i).id(), null).get("_source");
            heardTopics.addAll((List<String>) source.get("topics"));
        }
        List<String> topics = (List<String>) profile.get("topics");
        assertFalse(topics.isEmpty());
        assertTrue(topics + " ⊆ " + heardTopics, heardTopics.containsAll(topics));
        List<Map<String, Object>> interests = (List<Map<String, Object>>) profile.get("interests");
        assertFalse(interests.isEmpty());
        assertTrue(interests.toString(), interests.stream().allMatch(i -> !((String) i.get("label")).isBlank() && !i.containsKey("vector")));
        assertEquals(6, ((List<?>) profile.get("recently_heard")).size());

        Map<String, Object> deleted = call("DELETE", "/_plugins/podcast/listeners/" + LISTENER, null);
        assertEquals(Boolean.TRUE, deleted.get("profile_deleted"));
        assertEquals(7, deleted.get("events_deleted"));
        assertEquals(0, deleted.get("events_remaining"));
        ResponseException gone = assertThrows(ResponseException.class, () -> call("GET", "/_plugins/podcast/listeners/" + LISTENER, null));
        assertEquals(404, gone.getResponse().getStatusLine().getStatusCode());
        call("POST", "/podcast-events,podcast-profiles/_refresh", null);
        Map<String, Object> left = call("POST", "/podcast-events,podcast-profiles/_search", "{\"query\": {\"term\": {\"listener_id\": \"" + LISTENER + "\"}}}");
        assertEquals(0, ((Map<String, Object>) ((Map<String, Object>) left.get("hits")).get("total")).get("value"));
    }

    private static List<EpisodeCatalog.Episode> indexEpisodes() throws Exception {
        call("PUT", "/_ingest/pipeline/e2e-listener-text", """
            {"processors": [{"podcast_text_embedding": {"source_fields": ["title", "description"],
              "target_field": "text_vector", "topics_field": "topics"}}]}""");
        Request delete = new Request("DELETE", "/" + EPISODES);
        delete.addParameter("ignore_unavailable", "true");
        node.lowLevel().performRequest(delete);
        call("PUT", "/" + EPISODES, """
            {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0, "default_pipeline": "e2e-listener-text"}},
             "mappings": {"properties": {"title": {"type": "text"}, "description": {"type": "text"},
               "topics": {"type": "keyword"}, "show_id": {"type": "keyword"},
               "text_vector": {"type": "knn_vector", "dimension": 384, "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""");
        List<EpisodeCatalog.Episode> episodes = EpisodeCatalog.load().subList(2000, 2020);
        StringBuilder bulk = new StringBuilder();
        for (EpisodeCatalog.Episode episode : episodes) {
            bulk.append("{\"index\":{\"_id\":\"").append(episode.id()).append("\"}}\n");
            bulk.append(JSON.writeValueAsString(Map.of("title", episode.title(), "description", episode.description(), "show_id", episode.podcastId()))).append('\n');
        }
        Request request = new Request("POST", "/" + EPISODES + "/_bulk?refresh=true");
        request.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(bulk.toString(), org.apache.hc.core5.http.ContentType.create("application/x-ndjson")));
        String response = EntityUtils.toString(node.lowLevel().performRequest(request).getEntity());
        assertFalse(response, response.contains("\"errors\":true"));
        return episodes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(String method, String path, String json) throws Exception {
        Request request = new Request(method, path);
        if (json != null) {
            request.setJsonEntity(json);
        }
        return JSON.readValue(EntityUtils.toString(node.lowLevel().performRequest(request).getEntity()), Map.class);
    }
}
