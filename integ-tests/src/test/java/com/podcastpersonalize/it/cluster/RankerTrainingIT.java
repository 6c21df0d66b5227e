package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.it.support.TwoTastes;
import com.podcastpersonalize.it.support.TwoTastesHistory;

import org.opensearch.test.OpenSearchIntegTestCase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learned ranker trained inside a 3-node cluster (in-JVM nodes; PyTorch's natives come from the
 * shared test cache, see {@link PodcastClusterTestCase#useSharedDjlCache}): a model trained on one node
 * is served by the others; retraining while searches run never fails one; a second training while
 * one runs is refused on every node; a cancelled or failed training leaves the previous model in use.
 *
 * <p>To catch a training while it runs, a test occupies the training node's one {@code podcast_training}
 * thread: the training reads the events and then waits there, in state {@code running}, until released.
 */
@OpenSearchIntegTestCase.ClusterScope(scope = OpenSearchIntegTestCase.Scope.SUITE, numDataNodes = 3, numClientNodes = 0, supportsDedicatedMasters = false)
public class RankerTrainingIT extends ModelTrainingTestCase {

    private static final String INDEX = "episodes";
    private static final String TRAIN = "/_plugins/podcast/ranker/_train";
    private static final String STATUS = "/_plugins/podcast/ranker";
    private static final String CANCEL = "/_plugins/podcast/ranker/_cancel";

    @Override
    protected String path() {
        return STATUS;
    }

    @SuppressWarnings("unchecked")
    public void testAModelTrainedOnOneNodeIsServedByEveryNode() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        assertEquals(3, nodes.length);
        Answer before = on(nodes[1], "GET", STATUS, null);
        assertEquals(200, before.status());
        assertNull("no model yet: " + before.body(), before.body().get("active"));

        prepareCatalogueAndHistory();
        String learnedSearch = """
            {"size": 3, "explain": true, "query": {"personalize": {"listener_id": "listener-0", "query_text": "%s", "ranker": "learned"}}}"""
            .formatted(TwoTastes.AMBIGUOUS_QUERY);
        // a node serves the model it last saw for up to plugins.podcast.ranker.model_check_interval (1 s): one that
        // served an earlier test's model (the suite's cluster is shared, its indices wiped between tests) notices within it
        assertBusy(() -> {
            Answer untrained = on(nodes[2], "POST", "/" + INDEX + "/_search", learnedSearch);
            assertEquals(untrained.body().toString(), 400, untrained.status());
            assertTrue(untrained.body().toString(), untrained.body().toString().contains("no learned ranker is trained yet"));
        });
        long version = startTraining(nodes[0], "{\"validation_days\": 7}");
        Map<String, Object> trained = awaitEnd(nodes[0], version);
        assertEquals(trained.toString(), "succeeded", training(trained).get("state"));

        for (String node : nodes) {
            // each node checks the active version at most once per model_check_interval (1 s): it serves the new one after that
            assertBusy(() -> assertEquals(node + " serves it", (Object) version, served(on(node, "GET", STATUS, null).body()).get("version") instanceof Number n ? n.longValue() : null));
            Map<String, Object> status = on(node, "GET", STATUS, null).body();
            assertEquals(node + ": " + status, version, number(active(status).get("version")));
            assertEquals(node, served(status).get("node"));
            Map<String, Object> metrics = (Map<String, Object>) active(status).get("metrics");
            assertTrue(status.toString(), metrics.get("auc") instanceof Number && metrics.get("ndcg_at_10") instanceof Number);
            assertEquals(node + " sees the training of " + nodes[0], "succeeded", training(status).get("state"));
            // the clause ranks with it on every node: the jazz listener gets jazz first, explained by the model
            Answer learned = on(node, "POST", "/" + INDEX + "/_search", learnedSearch);
            assertEquals(learned.body().toString(), 200, learned.status());
            List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) learned.body().get("hits")).get("hits");
            assertEquals(hits.toString(), "jazz", TwoTastes.genreOf((String) hits.get(0).get("_id")));
            assertTrue(hits.get(0).toString(), hits.get(0).get("_explanation").toString().contains("learned ranker [logistic v" + version + "]"));
        }
    }

    public void testRetrainingWhileSearchesRunNeverFailsASearch() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        prepareCatalogueAndHistory();
        rest("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.ranker.model_check_interval\": \"0s\"}}");
        try {
            retrainWhileSearching(nodes);
        } finally {
            rest("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.ranker.model_check_interval\": null}}");
        }
    }

    private void retrainWhileSearching(String[] nodes) throws Exception {
        long first = startTraining(nodes[0], null);
        assertEquals("succeeded", training(awaitEnd(nodes[0], first)).get("state"));

        long second;
        List<Long> servedVersions = new ArrayList<>();
        try (TrainingPoolBlock block = new TrainingPoolBlock(nodes[2])) {
            second = startTraining(nodes[2], "{\"model\": \"mlp\", \"seed\": 3}");
            for (int i = 0; i < 30; i++) {
                searchEverywhere(nodes, servedVersions);
            }
        }
        int searches = 0;
        while (!"succeeded".equals(training(on(nodes[2], "GET", STATUS, null).body()).get("state")) || searches < 30) {
            searchEverywhere(nodes, servedVersions);
            searches++;
            assertNotEquals("the retraining failed", "failed", training(on(nodes[2], "GET", STATUS, null).body()).get("state"));
        }
        assertTrue("each search saw the first or the second version: " + servedVersions, servedVersions.stream().allMatch(v -> v == first || v == second));
        assertEquals(second, number(served(on(nodes[1], "GET", STATUS, null).body()).get("version")));
        assertEquals("mlp", active(on(nodes[0], "GET", STATUS, null).body()).get("type"));
    }

    public void testASecondTrainingWhileOneRunsIsRefusedOnEveryNode() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        prepareCatalogueAndHistory();
        long version;
        try (TrainingPoolBlock block = new TrainingPoolBlock(nodes[0])) {
            version = startTraining(nodes[0], null);
            for (String node : nodes) {
                Answer again = on(node, "POST", TRAIN, null);
                assertEquals(node + ": " + again.body(), 409, again.status());
                assertTrue(again.body().toString(), again.body().toString().contains("a ranker training is already running"));
            }
            Map<String, Object> elsewhere = on(nodes[1], "GET", STATUS, null).body();
            assertEquals("another node reports it running: " + elsewhere, "running", training(elsewhere).get("state"));
        }
        assertEquals("succeeded", training(awaitEnd(nodes[0], version)).get("state"));
        long next = startTraining(nodes[1], null); // the lock was released
        assertEquals("succeeded", training(awaitEnd(nodes[1], next)).get("state"));
    }

    public void testACancelledTrainingLeavesThePreviousModelInUse() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        assertEquals(404, on(nodes[0], "POST", CANCEL, null).status());
        prepareCatalogueAndHistory();
        long first = startTraining(nodes[0], null);
        assertEquals("succeeded", training(awaitEnd(nodes[0], first)).get("state"));

        long second;
        try (TrainingPoolBlock block = new TrainingPoolBlock(nodes[1])) {
            second = startTraining(nodes[1], null);
            Answer cancelled = on(nodes[2], "POST", CANCEL, null);
            assertEquals(cancelled.body().toString(), 200, cancelled.status());
            assertEquals(second, number(cancelled.body().get("version")));
        }
        Map<String, Object> status = awaitEnd(nodes[1], second);
        assertEquals(status.toString(), "cancelled", training(status).get("state"));
        assertTrue(status.toString(), ((String) training(status).get("error")).contains("the previous model stays in use"));
        for (String node : nodes) {
            // a node re-checks the active version at most once per model_check_interval: wait for that
            assertBusy(() -> {
                Map<String, Object> seen = on(node, "GET", STATUS, null).body();
                assertEquals(node + ": " + seen, first, number(active(seen).get("version")));
                assertEquals(node + ": " + seen, (Object) first, served(seen).get("version") instanceof Number n ? n.longValue() : null);
            });
        }
    }

    public void testTrainingsWithNothingToLearnFromSayWhy() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        Answer noEvents = on(nodes[0], "POST", TRAIN, null);
        assertEquals(noEvents.body().toString(), 400, noEvents.status());
        assertTrue(noEvents.body().toString(), noEvents.body().toString().contains("no listening events to learn from"));

        Answer badBody = on(nodes[0], "POST", TRAIN, "{\"validation_days\": 0}");
        assertEquals(400, badBody.status());
        assertTrue(badBody.body().toString(), badBody.body().toString().contains("[validation_days] must be between 1 and 3650"));
        Answer unknownField = on(nodes[0], "POST", TRAIN, "{\"model\": \"logistic\", \"epochs\": 3}");
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.body().toString(), unknownField.body().toString().contains("unknown field [epochs]"));

        // only finished episodes and no sampled negatives: only positives to learn from
        indexCatalogue(INDEX, 1);
        rest("POST", "/_plugins/podcast/events?wait_for_profiles=true", TwoTastesHistory.eventsBody("fan", 4, 20, 5, 0));
        long onlyPositives = startTraining(nodes[0], "{\"negatives_per_positive\": 0}");
        Map<String, Object> failed = awaitEnd(nodes[0], onlyPositives);
        assertEquals(failed.toString(), "failed", training(failed).get("state"));
        assertTrue(failed.toString(), ((String) training(failed).get("error")).contains("only positive labels"));
        assertNull("no model: " + failed, failed.get("active"));
    }

    /**
     * Events whose times span minutes, not days (as the evaluation's podcast subscriptions): no whole-day
     * window leaves anything to train on and the training says so, while the latest share of the events
     * validates and trains a model.
     */
    @SuppressWarnings("unchecked")
    public void testEventsWithinAnHourTrainWithAValidationShare() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        indexCatalogue(INDEX, 2);
        Map<String, Object> posted = rest("POST", "/_plugins/podcast/events?wait_for_profiles=true", TwoTastesHistory.eventsBody("minute", 8, 30, 13, 0.3, Duration.ofMinutes(1)));
        assertEquals("events: " + posted, Boolean.FALSE, posted.get("errors"));

        Answer both = on(nodes[1], "POST", TRAIN, "{\"validation_days\": 7, \"validation_share\": 0.2}");
        assertEquals(both.body().toString(), 400, both.status());
        assertTrue(both.body().toString(), both.body().toString().contains("[validation_days] and [validation_share] cannot both be set"));
        Answer badShare = on(nodes[1], "POST", TRAIN, "{\"validation_share\": 1.5}");
        assertEquals(badShare.body().toString(), 400, badShare.status());
        assertTrue(badShare.body().toString(), badShare.body().toString().contains("[validation_share] must be a number above 0 and at most 0.9, got [1.5]"));

        long byDays = startTraining(nodes[0], "{\"validation_days\": 1}");
        Map<String, Object> failed = awaitEnd(nodes[0], byDays);
        assertEquals(failed.toString(), "failed", training(failed).get("state"));
        String error = (String) training(failed).get("error");
        assertTrue(error, error.startsWith("[validation_days] 1 leaves no events to train on: all 240 events are within the last day (they span"));
        assertTrue(error, error.contains("use validation_share (e.g. 0.2)"));
        assertNull("no model: " + failed, failed.get("active"));

        long byShare = startTraining(nodes[1], "{\"validation_share\": 0.2}");
        Map<String, Object> trained = awaitEnd(nodes[1], byShare);
        assertEquals(trained.toString(), "succeeded", training(trained).get("state"));
        assertEquals(trained.toString(), Map.of("validation_share", 0.2, "model", "logistic", "negatives_per_positive", 2, "seed", 42), training(trained).get("parameters"));
        Map<String, Object> active = active(on(nodes[2], "GET", STATUS, null).body());
        assertEquals(byShare, number(active.get("version")));
        assertEquals(active.toString(), 0.2, ((Map<String, Object>) active.get("parameters")).get("validation_share"));
        Map<String, Object> metrics = (Map<String, Object>) active.get("metrics");
        assertTrue(metrics.toString(), metrics.get("auc") instanceof Number && metrics.get("ndcg_at_10") instanceof Number);
        assertTrue(metrics.toString(), number(metrics.get("rows")) > 0 && number(metrics.get("positives")) > 0);
        Map<String, Object> figures = (Map<String, Object>) active.get("figures");
        assertTrue(figures.toString(), number(figures.get("training_rows")) > number(figures.get("validation_rows")));
    }

    // ---- helpers ----

    private void prepareCatalogueAndHistory() throws Exception {
        indexCatalogue(INDEX, 2);
        Map<String, Object> response = rest("POST", "/_plugins/podcast/events?wait_for_profiles=true", TwoTastesHistory.eventsBody("listener", 8, 30, 11));
        assertEquals("events: " + response, Boolean.FALSE, response.get("errors"));
    }

    private void searchEverywhere(String[] nodes, List<Long> servedVersions) throws Exception {
        for (String node : nodes) {
            Answer search = on(node, "POST", "/" + INDEX + "/_search", "{\"query\": {\"match\": {\"title\": \"jazz New Orleans\"}}}");
            assertEquals(search.body().toString(), 200, search.status());
            Answer status = on(node, "GET", STATUS, null);
            assertEquals(status.body().toString(), 200, status.status());
            servedVersions.add(number(served(status.body()).get("version")));
        }
    }
}
