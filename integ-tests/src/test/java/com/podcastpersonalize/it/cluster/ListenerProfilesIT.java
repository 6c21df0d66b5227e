package com.podcastpersonalize.it.cluster;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.test.InternalTestCluster;
import org.opensearch.test.OpenSearchIntegTestCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Listener events and profiles on 3 nodes, with the events, profiles and episodes indices on 2
 * shards with a replica each; requests go to random nodes through real HTTP.
 */
@OpenSearchIntegTestCase.ClusterScope(scope = OpenSearchIntegTestCase.Scope.SUITE, numDataNodes = 3, numClientNodes = 0, supportsDedicatedMasters = false)
public class ListenerProfilesIT extends PodcastClusterTestCase {

    /**
     * Replicas of the plugin's indices are still recovering when a test ends quickly; the test cluster's
     * wipe then cancels that recovery and, on a loaded machine, left a start_recovery pending that failed
     * every later test's teardown check. Wait for every copy first.
     */
    @org.junit.After
    public void waitForEveryCopyBeforeTheWipe() throws Exception {
        ensureGreen();
        for (RestClient client : nodeClients.values()) {
            client.close();
        }
        nodeClients.clear();
    }

    /** HTTP clients of single nodes, for tests that must choose which node takes a request. */
    private final Map<String, RestClient> nodeClients = new HashMap<>();

    private static final int DIMENSION = 384;
    private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    @Override
    protected Settings nodeSettings(int nodeOrdinal) {
        return Settings.builder()
            .put(super.nodeSettings(nodeOrdinal))
            .put("plugins.podcast.listeners.index_shards", 2)
            .put("plugins.podcast.listeners.index_auto_expand_replicas", "1-1")
            .build();
    }

    @Override
    public void setUp() throws Exception {
        super.setUp();
        if (!indexExists("episodes")) {
            createEpisodes();
        }
    }

    /** 30 episodes: 0-9 about jazz, 10-19 true crime, 20-29 cooking; vectors near one axis each (384-d like the model's). */
    private void createEpisodes() throws Exception {
        rest("PUT", "/episodes", """
            {"settings": {"number_of_shards": 2, "number_of_replicas": 1},
             "mappings": {"properties": {"topics": {"type": "keyword"}, "show_id": {"type": "keyword"}, "text_vector": {"type": "float", "index": false}}}}""");
        StringBuilder bulk = new StringBuilder();
        Random random = new Random(42);
        String[] topics = { "jazz", "true crime", "cooking" };
        for (int i = 0; i < 30; i++) {
            int group = i / 10;
            float[] vector = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) (random.nextGaussian() * 0.01);
            }
            vector[group] += 1;
            bulk.append("{\"index\":{\"_id\":\"ep").append(i).append("\"}}\n");
            bulk.append("{\"topics\":[\"").append(topics[group]).append("\"],\"show_id\":\"show").append(group)
                .append("\",\"text_vector\":").append(java.util.Arrays.toString(vector)).append("}\n");
        }
        Map<String, Object> response = rest("POST", "/episodes/_bulk?refresh=true", bulk.toString());
        assertEquals(Boolean.FALSE, response.get("errors"));
    }

    private static String event(String listener, String episode, String type, long time) {
        return "{\"listener_id\":\"%s\",\"episode_id\":\"%s\",\"type\":\"%s\",\"timestamp\":%d}".formatted(listener, episode, type, time);
    }

    private Map<String, Object> post(List<String> events) throws Exception {
        return rest("POST", "/_plugins/podcast/events", "{\"events\":[" + String.join(",", events) + "]}");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> response) {
        return (List<Map<String, Object>>) response.get("items");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> counts(String listener) throws Exception {
        return (Map<String, Object>) rest("GET", "/_plugins/podcast/listeners/" + listener, null).get("counts");
    }

    @SuppressWarnings("unchecked")
    public void testEventsBuildAProfileInWords() throws Exception {
        String u = "words";
        Map<String, Object> response = post(List.of(
            event(u, "ep1", "complete", T0),
            event(u, "ep2", "complete", T0 + 1000),
            event(u, "ep3", "like", T0 + 2000),
            "{\"listener_id\":\"words\",\"episode_id\":\"ep11\",\"type\":\"play\",\"timestamp\":%d,\"position_s\":1200,\"duration_s\":1800}".formatted(T0 + 3000),
            event(u, "ep12", "complete", T0 + 4000),
            event(u, "ep21", "skip", T0 + 5000),
            event(u, "ep4", "subscribe", T0 + 6000)
        ));
        assertEquals(response.toString(), Boolean.FALSE, response.get("errors"));
        assertTrue(items(response).stream().allMatch(i -> i.get("status").equals(201) && i.get("result").equals("created")));

        Map<String, Object> profile = rest("GET", "/_plugins/podcast/listeners/" + u, null);
        assertEquals("interests", profile.get("strategy"));
        assertEquals(Map.of("complete", 3, "like", 1, "play", 1, "skip", 1, "subscribe", 1), profile.get("counts"));
        List<Map<String, Object>> interests = (List<Map<String, Object>>) profile.get("interests");
        List<Object> labels = interests.stream().map(i -> i.get("label")).toList();
        assertEquals(labels.toString(), "jazz", labels.get(0));
        assertEquals(labels.toString(), "true crime", labels.get(1));
        assertTrue(labels.toString(), labels.contains("long-term: jazz, true crime"));
        assertFalse(interests.toString(), interests.get(0).containsKey("vector"));
        assertEquals(List.of("jazz", "true crime"), profile.get("topics"));
        assertEquals(List.of("show0"), profile.get("subscribed_shows"));
        assertEquals(List.of("ep21", "ep12", "ep11", "ep3", "ep2", "ep1"), profile.get("recently_heard"));
        assertNotNull(profile.get("last_update"));
        assertEquals("2026-11-01T00:00:06Z", profile.get("last_event_at"));

        Map<String, Object> withVectors = rest("GET", "/_plugins/podcast/listeners/" + u + "?include_vectors=true", null);
        List<Map<String, Object>> vectorInterests = (List<Map<String, Object>>) withVectors.get("interests");
        assertEquals(DIMENSION, ((List<?>) vectorInterests.get(0).get("vector")).size());

        // events are stored for Dashboards: flat fields, @timestamp, the episode's topics and show
        rest("POST", "/podcast-events/_refresh", null);
        Map<String, Object> hits = rest("POST", "/podcast-events/_search", """
            {"query": {"bool": {"filter": [{"term": {"listener_id": "words"}}, {"term": {"type": "play"}}]}}}""");
        Map<String, Object> stored = (Map<String, Object>) ((List<Map<String, Object>>) ((Map<String, Object>) hits.get("hits")).get("hits")).get(0).get("_source");
        assertEquals("ep11", stored.get("episode_id"));
        assertEquals(List.of("true crime"), stored.get("topics"));
        assertEquals("show1", stored.get("show"));
        assertEquals(T0 + 3000, ((Number) stored.get("@timestamp")).longValue());
        assertEquals(1200 / 1800.0, ((Number) stored.get("fraction")).doubleValue(), 1e-6);
    }

    public void testRetriedRequestAndDuplicatesAreNotCountedTwice() throws Exception {
        String u = "retry";
        List<String> events = List.of(event(u, "ep1", "play", T0), event(u, "ep2", "complete", T0 + 1), event(u, "ep2", "complete", T0 + 1));
        Map<String, Object> first = post(events);
        assertEquals(List.of("created", "created", "duplicate"), items(first).stream().map(i -> i.get("result")).toList());
        Map<String, Object> second = post(events);
        assertEquals(List.of("duplicate", "duplicate", "duplicate"), items(second).stream().map(i -> i.get("result")).toList());
        assertEquals(Boolean.FALSE, second.get("errors"));
        assertEquals(Map.of("play", 1, "complete", 1), counts(u));
        // a client-given id is the identity: same id, same event
        post(List.of("{\"id\":\"given-1\",\"listener_id\":\"retry\",\"episode_id\":\"ep3\",\"type\":\"like\",\"timestamp\":%d}".formatted(T0 + 5)));
        Map<String, Object> again = post(List.of("{\"id\":\"given-1\",\"listener_id\":\"retry\",\"episode_id\":\"ep3\",\"type\":\"like\",\"timestamp\":%d}".formatted(T0 + 5)));
        assertEquals("duplicate", items(again).get(0).get("result"));
        assertEquals(Map.of("play", 1, "complete", 1, "like", 1), counts(u));
    }

    public void testConcurrentWritersOnOneListenerLoseNoUpdate() throws Exception {
        String u = "busy";
        int writers = 8;
        int requestsPerWriter = 15;
        int eventsPerRequest = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    int created = 0;
                    for (int r = 0; r < requestsPerWriter; r++) {
                        List<String> events = new ArrayList<>();
                        for (int e = 0; e < eventsPerRequest; e++) {
                            long time = T0 + (long) ((writer * requestsPerWriter + r) * eventsPerRequest + e) * 1000;
                            events.add(event(u, "ep" + ((writer + e) % 30), e % 2 == 0 ? "play" : "complete", time));
                        }
                        for (Map<String, Object> item : items(post(events))) {
                            assertEquals(item.toString(), 201, item.get("status"));
                            created++;
                        }
                    }
                    return created;
                }));
            }
            int created = 0;
            for (Future<Integer> future : futures) {
                created += future.get(5, TimeUnit.MINUTES);
            }
            assertEquals(writers * requestsPerWriter * eventsPerRequest, created);
        } finally {
            pool.shutdownNow();
        }
        int half = writers * requestsPerWriter * eventsPerRequest / 2;
        assertEquals(Map.of("play", half, "complete", half), counts(u));
        rest("POST", "/podcast-events/_refresh", null);
        assertEquals(2L * half, client().prepareSearch("podcast-events").setQuery(QueryBuilders.termQuery("listener_id", u)).setSize(0).get().getHits().getTotalHits().value());
    }

    /** Write-behind on every node: events sent through random nodes all reach the profile, and a delete still leaves nothing. */
    public void testWriteBehindLosesNoUpdateAndDeleteLeavesNothing() throws Exception {
        rest("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.listeners.profile_write_delay\": \"200ms\"}}");
        try {
            String u = "behind";
            int writers = 4;
            int requestsPerWriter = 10;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    futures.add(pool.submit(() -> {
                        for (int r = 0; r < requestsPerWriter; r++) {
                            long time = T0 + (long) (writer * requestsPerWriter + r) * 1000;
                            Map<String, Object> response = post(List.of(event(u, "ep" + (writer + r) % 30, "play", time), event(u, "ep" + r % 30, "complete", time + 1)));
                            assertEquals(response.toString(), Boolean.FALSE, response.get("errors"));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            int each = writers * requestsPerWriter;
            // a GET makes every node write what it holds back first
            assertEquals(Map.of("play", each, "complete", each), counts(u));
            post(List.of(event(u, "ep1", "like", T0 + 999_000)));
            Map<String, Object> deleted = rest("DELETE", "/_plugins/podcast/listeners/" + u, null);
            assertEquals(2 * each + 1, deleted.get("events_deleted"));
            refresh("podcast-events", "podcast-profiles");
            assertEquals(0, client().prepareSearch("podcast-profiles").setQuery(QueryBuilders.termQuery("listener_id", u)).setSize(0).get().getHits().getTotalHits().value());
            expectThrows(ResponseException.class, () -> rest("GET", "/_plugins/podcast/listeners/" + u, null));
        } finally {
            rest("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.listeners.profile_write_delay\": null}}");
        }
    }

    /**
     * Events sent in time order through one node (write-behind keeps that node's order; through several
     * nodes within the delay, their held-back updates land in the order the nodes write them).
     */
    @SuppressWarnings("unchecked")
    public void testRebuildEqualsTheIncrementalProfile() throws Exception {
        String u = "rebuild";
        String node = internalCluster().getNodeNames()[0];
        Random random = new Random(7);
        String[] types = { "play", "complete", "like", "dislike", "skip", "subscribe" };
        for (int request = 0; request < 6; request++) {
            List<String> events = new ArrayList<>();
            for (int e = 0; e < 20; e++) {
                long time = T0 + (request * 20L + e) * 3_600_000L; // hourly, in order across requests
                String type = types[random.nextInt(types.length)];
                events.add("{\"listener_id\":\"rebuild\",\"episode_id\":\"ep%d\",\"type\":\"%s\",\"timestamp\":%d,\"position_s\":%d,\"duration_s\":1800}"
                    .formatted(random.nextInt(30), type, time, random.nextInt(1800)));
            }
            Collections_shuffle(events, random); // arrival order inside a request does not matter
            postTo(node, "", events);
        }
        Map<String, Object> incremental = rest("GET", "/_plugins/podcast/listeners/" + u + "?include_vectors=true", null);
        Map<String, Object> rebuilt = rest("POST", "/_plugins/podcast/listeners/" + u + "/_rebuild?include_vectors=true", null);
        assertEquals(120, rebuilt.get("events_replayed"));
        Map<String, Object> profile = (Map<String, Object>) rebuilt.get("profile");
        assertEquals(incremental.get("counts"), profile.get("counts"));
        assertEquals(incremental.get("topics"), profile.get("topics"));
        assertEquals(incremental.get("recently_heard"), profile.get("recently_heard"));
        assertEquals(incremental.get("subscribed_shows"), profile.get("subscribed_shows"));
        List<Map<String, Object>> a = (List<Map<String, Object>>) incremental.get("interests");
        List<Map<String, Object>> b = (List<Map<String, Object>>) profile.get("interests");
        assertEquals(a.stream().map(i -> i.get("label")).toList(), b.stream().map(i -> i.get("label")).toList());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(((Number) a.get(i).get("strength")).doubleValue(), ((Number) b.get(i).get("strength")).doubleValue(), 1e-3);
            List<Number> va = (List<Number>) a.get(i).get("vector");
            List<Number> vb = (List<Number>) b.get(i).get("vector");
            for (int d = 0; d < va.size(); d++) {
                assertEquals(a.get(i).get("label") + " [" + d + "]", va.get(d).doubleValue(), vb.get(d).doubleValue(), 1e-4);
            }
        }
        // and what is stored now reads back the same
        assertEquals(incremental.get("counts"), counts(u));
    }

    private static void Collections_shuffle(List<String> list, Random random) {
        java.util.Collections.shuffle(list, random);
    }

    public void testDeleteLeavesNothingOnAnyCopy() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(event("forget-me", "ep" + (i % 30), "play", T0 + i));
            events.add(event("keep-me", "ep" + (i % 30), "play", T0 + i));
        }
        assertEquals(Boolean.FALSE, post(events).get("errors"));
        Map<String, Object> deleted = rest("DELETE", "/_plugins/podcast/listeners/forget-me", null);
        assertEquals(Boolean.TRUE, deleted.get("profile_deleted"));
        assertEquals(50, deleted.get("events_deleted"));
        assertEquals(0, deleted.get("events_remaining"));

        ResponseException missing = expectThrows(ResponseException.class, () -> rest("GET", "/_plugins/podcast/listeners/forget-me", null));
        assertEquals(404, missing.getResponse().getStatusLine().getStatusCode());
        // every copy of every shard, primary and replica, on every node
        ensureGreen("podcast-events", "podcast-profiles");
        refresh("podcast-events", "podcast-profiles");
        int copiesChecked = 0;
        for (DiscoveryNode node : clusterService().state().nodes()) {
            for (String index : List.of("podcast-events", "podcast-profiles")) {
                var local = client(node.getName()).prepareSearch(index).setPreference("_only_local")
                    .setQuery(QueryBuilders.termQuery("listener_id", "forget-me")).setSize(0).get();
                assertEquals(node.getName() + " " + index, 0, local.getHits().getTotalHits().value());
                copiesChecked += local.getSuccessfulShards();
            }
        }
        assertEquals("2 indices × 2 shards × 2 copies", 8, copiesChecked);
        assertEquals(50, client().prepareSearch("podcast-events").setQuery(QueryBuilders.termQuery("listener_id", "keep-me")).setSize(0).get().getHits().getTotalHits().value());
        assertEquals(Map.of("play", 50), counts("keep-me"));
        // deleting again is not an error
        Map<String, Object> again = rest("DELETE", "/_plugins/podcast/listeners/forget-me", null);
        assertEquals(Boolean.FALSE, again.get("profile_deleted"));
        assertEquals(0, again.get("events_deleted"));
    }

    @SuppressWarnings("unchecked")
    public void testBadInputFailsPerEventAndTheRestIsKept() throws Exception {
        long future = System.currentTimeMillis() + 86_400_000L * 365;
        String tenKb = "x".repeat(10_240);
        List<String> events = List.of(
            event("bad", "ep1", "play", T0),                                                   // 0 ok
            event("bad", "ep1", "listen", T0),                                                 // 1 unknown type
            "{\"episode_id\":\"ep1\",\"type\":\"play\",\"timestamp\":%d}".formatted(T0),       // 2 missing listener
            event("bad", "no-such-episode", "play", T0),                                       // 3 unknown episode
            event("bad", "ep2", "play", future),                                               // 4 far future
            "{\"listener_id\":\"bad\",\"episode_id\":\"ep2\",\"type\":\"play\",\"timestamp\":\"1969-07-20T20:17:00Z\"}", // 5 before 1970
            event("bad", "ep1", "play", T0),                                                   // 6 duplicate of 0
            event(tenKb, "ep1", "play", T0),                                                   // 7 10 kB id
            "{\"listener_id\":\"b\\u0000ad\",\"episode_id\":\"ep1\",\"type\":\"play\",\"timestamp\":%d}".formatted(T0), // 8 control character
            "{\"listener_id\":\"bad\",\"episode_id\":\"ep3\",\"type\":\"play\",\"timestamp\":%d,\"position_s\":-1}".formatted(T0), // 9 negative
            "{\"listener_id\":\"bad\",\"episode_id\":\"ep3\",\"type\":\"play\",\"timestamp\":%d,\"position_s\":\"NaN\"}".formatted(T0), // 10 NaN
            event("bad", "ep4", "complete", T0 + 1)                                             // 11 ok
        );
        Map<String, Object> response = post(events);
        assertEquals(Boolean.TRUE, response.get("errors"));
        List<Map<String, Object>> items = items(response);
        Object[][] expected = {
            { 201, null }, { 400, "[events][1] [type] must be one of" }, { 400, "[events][2] [listener_id] is required" },
            { 404, "episode [no-such-episode] not found in index [episodes]" }, { 400, "[events][4] [timestamp] is in the future" },
            { 400, "[events][5] [timestamp] is before 1970" }, { 200, null }, { 400, "[events][7] [listener_id] is 10240 bytes long" },
            { 400, "[events][8] [listener_id] must not contain control characters" }, { 400, "[events][9] [position_s] must be a finite number" },
            { 400, "[events][10] [position_s] must be a number" }, { 201, null } };
        for (int i = 0; i < expected.length; i++) {
            Map<String, Object> item = items.get(i);
            assertEquals(i + ": " + item, expected[i][0], item.get("status"));
            assertEquals(i, item.get("index"));
            if (expected[i][1] != null) {
                String reason = (String) ((Map<String, Object>) item.get("error")).get("reason");
                assertTrue(i + ": " + reason, reason.contains((String) expected[i][1]));
            }
        }
        assertEquals("duplicate", items.get(6).get("result"));
        assertEquals(Map.of("play", 1, "complete", 1), counts("bad"));

        // 100k events: refused as a whole, naming the limit; nothing stored
        StringBuilder huge = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 100_000; i++) {
            huge.append(i == 0 ? "" : ",").append(event("huge", "ep1", "play", T0 + i));
        }
        huge.append("]}");
        ResponseException tooMany = expectThrows(ResponseException.class, () -> rest("POST", "/_plugins/podcast/events", huge.toString()));
        assertEquals(400, tooMany.getResponse().getStatusLine().getStatusCode());
        String body = EntityUtils.toString(tooMany.getResponse().getEntity());
        assertTrue(body, body.contains("more than 10000 events") && body.contains("plugins.podcast.listeners.max_events_per_request"));
        expectThrows(ResponseException.class, () -> rest("GET", "/_plugins/podcast/listeners/huge", null));

        String[][] bad = {
            { "POST", "/_plugins/podcast/events", "{\"events\": {}}", "[events] must be an array" },
            { "POST", "/_plugins/podcast/events", "{\"evnts\": []}", "unknown field [evnts]" },
            { "PUT", "/_plugins/podcast/listeners/u1", "{\"declared_topics\": \"jazz\"}", "[declared_topics] is required and must be an array" },
            { "PUT", "/_plugins/podcast/listeners/u1", "{\"declared_topics\": [\"\"]}", "[declared_topics][0] must be a non-empty string" },
            { "PUT", "/_plugins/podcast/listeners/u1", "{\"topics\": [\"jazz\"]}", "unknown field [topics]" },
            { "GET", "/_plugins/podcast/listeners/%20", null, "[id] is required" },
            { "POST", "/_plugins/podcast/events?wait_for_profiles=maybe", "{\"events\": []}", "[wait_for_profiles] must be true or false, got [maybe]" },
            { "GET", "/_plugins/podcast/listeners/u1?include_vectors=yes", null, "[include_vectors] must be true or false, got [yes]" } };
        for (String[] c : bad) {
            Request request = new Request(c[0], c[1]);
            if (c[2] != null) {
                request.setJsonEntity(c[2]);
            }
            ResponseException e = expectThrows(ResponseException.class, () -> getRestClient().performRequest(request));
            assertEquals(c[1] + " " + c[2], 400, e.getResponse().getStatusLine().getStatusCode());
            String text = EntityUtils.toString(e.getResponse().getEntity());
            assertTrue(c[2] + " -> " + text, text.contains(c[3]));
        }
    }

    @SuppressWarnings("unchecked")
    public void testColdStartFromDeclaredTopicsThenLearnedInterests() throws Exception {
        Map<String, Object> declared = rest("PUT", "/_plugins/podcast/listeners/newcomer", "{\"declared_topics\": [\"jazz\", \"true crime\"]}");
        assertEquals("declared_topics", declared.get("strategy"));
        List<Map<String, Object>> topics = (List<Map<String, Object>>) declared.get("declared_topics");
        assertEquals(List.of("jazz", "true crime"), topics.stream().map(t -> t.get("label")).toList());
        Map<String, Object> withVectors = rest("GET", "/_plugins/podcast/listeners/newcomer?include_vectors=true", null);
        assertEquals(DIMENSION, ((List<?>) ((List<Map<String, Object>>) withVectors.get("declared_topics")).get(0).get("vector")).size());

        post(List.of(event("newcomer", "ep25", "complete", T0)));
        Map<String, Object> learned = rest("GET", "/_plugins/podcast/listeners/newcomer", null);
        assertEquals("interests", learned.get("strategy"));
        assertEquals("cooking", ((List<Map<String, Object>>) learned.get("interests")).get(0).get("label"));
        assertEquals(2, ((List<?>) learned.get("declared_topics")).size()); // kept alongside
        Map<String, Object> search = post(List.of("{\"listener_id\":\"newcomer\",\"type\":\"search\",\"query\":\"history of jazz\",\"timestamp\":%d}".formatted(T0 + 10)));
        assertEquals(search.toString(), 201, items(search).get(0).get("status"));
        assertEquals(Map.of("complete", 1, "search", 1), counts("newcomer"));
        assertNotNull(String.format(Locale.ROOT, "%s", learned.get("last_update")));
    }

    /** Sends a request to one node and returns the parsed body (a status of 400 or more throws {@link ResponseException}). */
    private Map<String, Object> on(String node, String method, String path, String body) throws Exception {
        RestClient client = nodeClients.computeIfAbsent(node, name -> {
            TransportAddress address = internalCluster().getInstance(HttpServerTransport.class, name).boundAddress().publishAddress();
            return RestClient.builder(new HttpHost("http", address.getAddress(), address.getPort())).build();
        });
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        return parse(EntityUtils.toString(client.performRequest(request).getEntity()));
    }

    private Map<String, Object> postTo(String node, String query, List<String> events) throws Exception {
        Map<String, Object> response = on(node, "POST", "/_plugins/podcast/events" + query, "{\"events\":[" + String.join(",", events) + "]}");
        assertEquals(response.toString(), Boolean.FALSE, response.get("errors"));
        return response;
    }

    private int waiting(String node) throws Exception {
        return ((Number) on(node, "GET", "/_plugins/podcast/events/_write_behind", null).get("listeners_waiting")).intValue();
    }

    /** The stored profile document as it is now (realtime get, no write of held-back updates first), or null. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> storedCounts(String node, String listener) throws Exception {
        try {
            Map<String, Object> doc = on(node, "GET", "/podcast-profiles/_doc/" + listener, null);
            return (Map<String, Object>) ((Map<String, Object>) doc.get("_source")).get("counts");
        } catch (ResponseException e) {
            assertEquals(404, e.getResponse().getStatusLine().getStatusCode());
            return null;
        }
    }

    /** Before counting held-back listeners per node: the updates other tests left behind are written (within the default delay). */
    private void awaitNothingHeldBack(String[] nodes) throws Exception {
        assertBusy(() -> {
            for (String node : nodes) {
                assertEquals(node, 0, waiting(node));
            }
        }, 1, TimeUnit.MINUTES);
    }

    private void writeDelay(String delay) throws Exception {
        rest("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.listeners.profile_write_delay\": " + (delay == null ? "null" : "\"" + delay + "\"") + "}}");
    }

    /**
     * Write-behind with a delay far longer than the test: only the broadcast flush of a GET can bring
     * node A's held-back updates into the profile read through node B.
     */
    public void testGetThroughAnotherNodeSeesUpdatesHeldBackElsewhere() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        String a = nodes[0];
        String b = nodes[1];
        String u = "held-on-a";
        awaitNothingHeldBack(nodes);
        writeDelay("60s");
        try {
            postTo(a, "?wait_for_profiles=true", List.of(event(u, "ep1", "play", T0)));
            postTo(a, "", List.of(event(u, "ep2", "complete", T0 + 1), event(u, "ep3", "complete", T0 + 2)));
            postTo(a, "", List.of(event(u, "ep11", "like", T0 + 3)));
            assertEquals(1, waiting(a));
            assertEquals("stored before the GET: only the first request", Map.of("play", 1), storedCounts(b, u));
            Map<String, Object> profile = on(b, "GET", "/_plugins/podcast/listeners/" + u, null);
            assertEquals(Map.of("play", 1, "complete", 2, "like", 1), profile.get("counts"));
            assertEquals(0, waiting(a));
            assertEquals(Map.of("play", 1, "complete", 2, "like", 1), storedCounts(b, u));
            // a rebuild through a third node sees the same events and gives the same counts
            Map<String, Object> rebuilt = on(nodes[2], "POST", "/_plugins/podcast/listeners/" + u + "/_rebuild", null);
            assertEquals(4, rebuilt.get("events_replayed"));
        } finally {
            writeDelay(null);
        }
    }

    /**
     * Events held back on node A, DELETE through node B: every node drops what it holds for the
     * listener, so once the DELETE answers nothing is left anywhere that could write the profile again
     * (with a delay of 60 s the timed write has not come yet: only the broadcast discard empties A).
     */
    public void testDeleteThroughAnotherNodeDropsUpdatesHeldBackElsewhere() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        String a = nodes[0];
        String b = nodes[1];
        String u = "forget-held";
        awaitNothingHeldBack(nodes);
        writeDelay("60s");
        try {
            postTo(a, "?wait_for_profiles=true", List.of(event(u, "ep1", "play", T0)));
            postTo(a, "", List.of(event(u, "ep2", "complete", T0 + 1), event(u, "ep3", "like", T0 + 2)));
            postTo(nodes[2], "", List.of(event(u, "ep4", "play", T0 + 3)));
            assertEquals(1, waiting(a));
            assertEquals(1, waiting(nodes[2]));
            Map<String, Object> deleted = on(b, "DELETE", "/_plugins/podcast/listeners/" + u, null);
            assertEquals(Boolean.TRUE, deleted.get("profile_deleted"));
            assertEquals(4, deleted.get("events_deleted"));
            assertEquals(0, deleted.get("events_remaining"));
            for (String node : nodes) {
                assertEquals(node, 0, waiting(node));
                assertNull(node, storedCounts(node, u));
            }
            ResponseException missing = expectThrows(ResponseException.class, () -> on(a, "GET", "/_plugins/podcast/listeners/" + u, null));
            assertEquals(404, missing.getResponse().getStatusLine().getStatusCode());
        } finally {
            writeDelay(null);
        }
        // with the delay back to 0 every timer left would write at once: still nothing
        refresh("podcast-events", "podcast-profiles");
        assertEquals(0, client().prepareSearch("podcast-profiles").setQuery(QueryBuilders.termQuery("listener_id", u)).setSize(0).get().getHits().getTotalHits().value());
        assertEquals(0, client().prepareSearch("podcast-events").setQuery(QueryBuilders.termQuery("listener_id", u)).setSize(0).get().getHits().getTotalHits().value());
    }

    /**
     * A node that stops writes the profile updates it holds back before it goes: with a delay far
     * longer than the test, only that write can bring them into the stored profile. The node is one
     * of its own, started for the test, so that the suite's three nodes stay.
     */
    public void testANodeThatStopsWritesWhatItHeldBack() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        awaitNothingHeldBack(nodes);
        String leaving = internalCluster().startNode();
        ensureStableCluster(nodes.length + 1);
        String u = "held-on-a-leaving-node";
        writeDelay("60s");
        try {
            postTo(leaving, "?wait_for_profiles=true", List.of(event(u, "ep1", "play", T0)));
            postTo(leaving, "", List.of(event(u, "ep2", "complete", T0 + 1), event(u, "ep12", "like", T0 + 2)));
            assertEquals(1, waiting(leaving));
            assertEquals("stored before the node stops: only the first request", Map.of("play", 1), storedCounts(nodes[0], u));
            // the indices were created while the node was in the cluster, and may have their primaries on it: stop it only
            // once every copy is in sync, as an operator would (a CI run stopped it while the replicas of a primary
            // there were still recovering, and the shard was lost)
            ensureGreen("podcast-events", "podcast-profiles");
            // the copies the node held are made again at once, not a minute later (the default delay after a node leaves)
            rest("PUT", "/_all/_settings", "{\"index.unassigned.node_left.delayed_timeout\": \"0\"}");
            nodeClients.remove(leaving).close();
            internalCluster().stopRandomNode(InternalTestCluster.nameFilter(leaving));
            ensureStableCluster(nodes.length);
            ensureGreen("podcast-events", "podcast-profiles");
            assertEquals(Map.of("play", 1, "complete", 1, "like", 1), storedCounts(nodes[0], u));
        } finally {
            writeDelay(null);
        }
    }

    /** {@code wait_for_profiles=true} writes through despite write-behind: the stored profile, read on another node, has the events at once. */
    public void testWaitForProfilesWritesThroughForThatRequest() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        String a = nodes[0];
        String b = nodes[1];
        String u = "waits";
        awaitNothingHeldBack(nodes);
        writeDelay("60s");
        try {
            postTo(a, "?wait_for_profiles=true", List.of(event(u, "ep1", "play", T0), event(u, "ep2", "complete", T0 + 1)));
            assertEquals(0, waiting(a));
            assertEquals(Map.of("play", 1, "complete", 1), storedCounts(b, u));
            // without it the update is held back on A (the stored profile does not have it yet) ...
            postTo(a, "?wait_for_profiles=false", List.of(event(u, "ep3", "like", T0 + 2)));
            assertEquals(1, waiting(a));
            assertEquals(Map.of("play", 1, "complete", 1), storedCounts(b, u));
            // ... and a request that waits writes it too, in order, with its own events
            postTo(a, "?wait_for_profiles", List.of(event(u, "ep4", "skip", T0 + 3)));
            assertEquals(0, waiting(a));
            assertEquals(Map.of("play", 1, "complete", 1, "like", 1, "skip", 1), storedCounts(b, u));
        } finally {
            writeDelay(null);
        }
    }
}
