package com.podcastpersonalize.it.e2e;

import com.podcastpersonalize.it.support.TwoTastes;
import com.podcastpersonalize.it.support.TwoTastesHistory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The learned ranker trains inside the real node: DJL's PyTorch engine loads under OpenSearch's
 * Java agent, extracts its natives under the node's data path, trains from the stored events and the
 * new version becomes active with its validation metrics.
 */
public class RankerTrainingE2EIT {

    private static final String EPISODES = "e2e-ranker-episodes";
    private static final String PREFIX = "e2e-ranker";
    private static final int LISTENERS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RealNode node;

    @BeforeClass
    public static void indexCatalogueAndListen() throws IOException {
        node = RealNode.fromBuild();
        node.sendOk("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": \"" + EPISODES + "\"}}");
        node.send("DELETE", "/" + EPISODES, null);
        node.sendOk("PUT", "/_ingest/pipeline/two_tastes", TwoTastes.PIPELINE);
        node.sendOk("PUT", "/" + EPISODES, TwoTastes.indexBody(1, 0, "two_tastes"));
        String bulk = node.sendOk("POST", "/" + EPISODES + "/_bulk?refresh=true", TwoTastes.bulkBody());
        assertTrue(bulk, bulk.contains("\"errors\":false"));
        String events = node.sendOk("POST", "/_plugins/podcast/events", TwoTastesHistory.eventsBody(PREFIX, LISTENERS, 30, 7));
        assertTrue(events, events.contains("\"errors\":false"));
    }

    @AfterClass
    public static void cleanUp() throws IOException {
        try {
            for (int l = 0; l < LISTENERS; l++) {
                node.send("DELETE", "/_plugins/podcast/listeners/" + PREFIX + "-" + l, null);
            }
            node.send("DELETE", "/" + EPISODES, null);
            node.send("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": null}}");
        } finally {
            node.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aModelTrainedOnTheNodeBecomesActiveWithItsMetrics() throws Exception {
        Map<String, Object> started = JSON.readValue(node.sendOk("POST", "/_plugins/podcast/ranker/_train", "{\"validation_days\": 7, \"model\": \"logistic\"}"), Map.class);
        String taskId = (String) started.get("task_id");
        assertNotNull(started.toString(), taskId);
        long version = ((Number) started.get("version")).longValue();

        Map<String, Object> status = awaitTrainingEnd(version);
        Map<String, Object> training = (Map<String, Object>) status.get("training");
        assertEquals(status.toString(), "succeeded", training.get("state"));
        assertEquals(taskId, training.get("task_id"));
        Map<String, Object> active = (Map<String, Object>) status.get("active");
        assertEquals(status.toString(), version, ((Number) active.get("version")).longValue());
        assertEquals("logistic", active.get("type"));
        Map<String, Object> metrics = (Map<String, Object>) active.get("metrics");
        for (String metric : List.of("auc", "log_loss", "base_rate_log_loss", "ndcg_at_10")) {
            assertTrue(metric + " in " + metrics, metrics.get(metric) instanceof Number);
        }
        assertTrue(metrics.toString(), ((Number) metrics.get("rows")).intValue() > 0);
        List<Map<String, Object>> weights = (List<Map<String, Object>>) active.get("feature_weights");
        assertEquals(List.of("interest", "audio", "popularity", "collaborative"), weights.stream().map(w -> w.get("feature")).toList());
        Map<String, Object> figures = (Map<String, Object>) active.get("figures");
        assertTrue(figures.toString(), ((String) figures.get("engine")).startsWith("PyTorch"));
    }

    /** Polls the status until the training of {@code version} is no longer running (the first use extracts PyTorch: minutes). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitTrainingEnd(long version) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(20);
        while (true) {
            Map<String, Object> status = JSON.readValue(node.sendOk("GET", "/_plugins/podcast/ranker", null), Map.class);
            Map<String, Object> training = (Map<String, Object>) status.get("training");
            if (training != null && ((Number) training.get("version")).longValue() == version && !"running".equals(training.get("state"))) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the training did not end within 20 minutes: " + status);
            }
            Thread.sleep(1000);
        }
    }
}
