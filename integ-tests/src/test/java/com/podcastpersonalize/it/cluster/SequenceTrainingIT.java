package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.it.support.TwoTastes;
import com.podcastpersonalize.it.support.TwoTastesHistory;
import com.podcastpersonalize.query.ListenerInterests;

import org.opensearch.test.OpenSearchIntegTestCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sequence model trained inside a 3-node cluster through its REST API from events posted through
 * the events API: trained on one node on listeners who walk the catalogue in a fixed order, it points a
 * {@code personalize} search on another node at the episode that comes next (explained as the
 * interest it predicted); bad input, a second training while one runs and a
 * cancelled training each get a clear answer and leave the previous state in use.
 */
@OpenSearchIntegTestCase.ClusterScope(scope = OpenSearchIntegTestCase.Scope.SUITE, numDataNodes = 3, numClientNodes = 0, supportsDedicatedMasters = false)
public class SequenceTrainingIT extends ModelTrainingTestCase {

    private static final String INDEX = "episodes";
    /** A short training (a few seconds on these 8 listeners): enough to point at the episodes a listener goes on to. */
    private static final String SHORT = "{\"steps\": 300, \"learning_rate\": 0.01, \"window\": 5, \"seed\": 7}";

    @Override
    protected String path() {
        return "/_plugins/podcast/sequence";
    }

    /**
     * Listeners who each finish 6 episodes of the catalogue in one fixed order (a cycle through all of
     * them), from different starting points: where a listener goes next follows from their latest
     * episode, which a sequence model learns and an average of their episodes cannot say.
     * {@code walker-0} heard the first six; the seventh is next.
     */
    private void walkTheCatalogue() throws Exception {
        List<String> cycle = TwoTastes.EPISODES.stream().map(TwoTastes.Episode::id).toList();
        for (int l = 0; l < 12; l++) {
            List<String> walk = new ArrayList<>();
            for (int step = 0; step < 6; step++) {
                walk.add(cycle.get((3 * l + step) % cycle.size()));
            }
            listen("walker-" + l, walk);
        }
    }

    /** Only the interest component, with the sequence interest at {@code strength}: the unheard episodes, explained. */
    private static String interestOnlySearch(double strength) {
        return """
            {"size": 30, "explain": true, "query": {"personalize": {"listener_id": "walker-0",
              "weights": {"lexical": 0, "semantic": 0, "interest": 1, "audio": 0, "popularity": 0, "collaborative": 0, "sequence": %s}}}}"""
            .formatted(strength);
    }

    /** The hits' explanations of the search on {@code node}. */
    @SuppressWarnings("unchecked")
    private List<String> explanations(String node, double strength) throws Exception {
        Answer search = on(node, "POST", "/" + INDEX + "/_search", interestOnlySearch(strength));
        assertEquals(search.body().toString(), 200, search.status());
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) search.body().get("hits")).get("hits");
        assertFalse(search.body().toString(), hits.isEmpty());
        return hits.stream().map(h -> h.get("_id") + ": " + h.get("_explanation")).toList();
    }

    /** The hits' explanations of a search whose order comes from the personalize rescorer alone, sequence interest at {@code strength}. */
    @SuppressWarnings("unchecked")
    private List<String> rescoredExplanations(String node, double strength) throws Exception {
        Answer search = on(node, "POST", "/" + INDEX + "/_search", """
            {"size": 30, "explain": true, "query": {"match_all": {}}, "rescore": {"window_size": 30, "personalize": {
              "listener_id": "walker-0", "query_weight": 0, "interest_weight": 1, "collaborative_weight": 0, "sequence_weight": %s}}}"""
            .formatted(strength));
        assertEquals(search.body().toString(), 200, search.status());
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) search.body().get("hits")).get("hits");
        assertFalse(search.body().toString(), hits.isEmpty());
        return hits.stream().map(h -> h.get("_id") + ": " + h.get("_explanation")).toList();
    }

    private int hitsExplainedBySequence(String node, double strength) throws Exception {
        return (int) explanations(node, strength).stream().filter(e -> e.contains(ListenerInterests.SEQUENCE_LABEL)).count();
    }

    @SuppressWarnings("unchecked")
    public void testAModelTrainedOnOneNodeShapesASearchOnAnother() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        Answer before = on(nodes[1], "GET", path(), null);
        assertEquals(200, before.status());
        assertNull("no model yet: " + before.body(), before.body().get("active"));
        indexCatalogue(INDEX, 2);
        walkTheCatalogue();
        assertEquals("no model: no sequence interest", 0, hitsExplainedBySequence(nodes[2], 3.0));

        long version = startTraining(nodes[0], SHORT);
        Map<String, Object> trained = awaitEnd(nodes[0], version);
        assertEquals(trained.toString(), "succeeded", training(trained).get("state"));
        Map<String, Object> figures = (Map<String, Object>) active(trained).get("figures");
        assertEquals(trained.toString(), 12L, number(figures.get("sequences")));
        Map<String, Object> validation = (Map<String, Object>) figures.get("validation");
        assertEquals("each listener's latest liked episode held out: " + figures, 12L, number(validation.get("held_out")));
        assertTrue(validation.toString(), validation.get("hit_rate_at_10") instanceof Number && validation.get("softmax_loss") instanceof Number);
        assertEquals(trained.toString(), Map.of("window", 5, "steps", 300, "learning_rate", 0.01, "temperature", 0.02, "seed", 7), active(trained).get("parameters"));

        // another node loads it (checking the active version at most once per model_check_interval, 1 s) and explains the interest it predicts
        assertBusy(() -> assertEquals((Object) version, served(on(nodes[2], "GET", path(), null).body()).get("version") instanceof Number n ? n.longValue() : null));
        assertEquals(version, number(active(on(nodes[2], "GET", path(), null).body()).get("version")));
        List<String> explained = explanations(nodes[2], 3.0);
        assertTrue("the next episode is closest to where the listening is heading: " + explained + "; model: " + active(trained) + "; without: " + explanations(nodes[2], 0.0),
            explained.stream().anyMatch(e -> e.startsWith("jazz-coltrane: ") && e.contains(ListenerInterests.SEQUENCE_LABEL)));
        assertEquals("strength 0 leaves it out", 0, hitsExplainedBySequence(nodes[2], 0.0));

        // the rescorer takes the same interest through its sequence_weight
        List<String> rescored = rescoredExplanations(nodes[2], 3.0);
        assertTrue("rescored: " + rescored, rescored.stream().anyMatch(e -> e.startsWith("jazz-coltrane: ") && e.contains(ListenerInterests.SEQUENCE_LABEL)));
        assertTrue("rescorer, sequence_weight 0 leaves it out", rescoredExplanations(nodes[2], 0.0).stream().noneMatch(e -> e.contains(ListenerInterests.SEQUENCE_LABEL)));
    }

    public void testBadInputGetsAClearAnswer() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        Answer noEvents = on(nodes[0], "POST", train(), null);
        assertEquals(noEvents.body().toString(), 400, noEvents.status());
        assertTrue(noEvents.body().toString(), noEvents.body().toString().contains("no listening events to learn from"));
        Answer badWindow = on(nodes[0], "POST", train(), "{\"window\": 0}");
        assertEquals(400, badWindow.status());
        assertTrue(badWindow.body().toString(), badWindow.body().toString().contains("[window] must be between 1 and 50, got [0]"));
        Answer badTemperature = on(nodes[1], "POST", train(), "{\"temperature\": \"cold\"}");
        assertEquals(400, badTemperature.status());
        assertTrue(badTemperature.body().toString(), badTemperature.body().toString().contains("[temperature] must be a number"));
        Answer unknown = on(nodes[1], "POST", train(), "{\"epochs\": 3}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().toString(), unknown.body().toString().contains("unknown field [epochs]"));
        Answer badWeight = on(nodes[2], "POST", "/" + INDEX + "/_search",
            "{\"query\": {\"personalize\": {\"listener_id\": \"x\", \"weights\": {\"sequence\": 3.5}}}}");
        assertEquals(badWeight.body().toString(), 400, badWeight.status());
        assertTrue(badWeight.body().toString(), badWeight.body().toString().contains("[weights.sequence] must be a number from 0 to 3, got [3.5]"));
        Answer badRescore = on(nodes[2], "POST", "/" + INDEX + "/_search",
            "{\"rescore\": {\"personalize\": {\"listener_id\": \"x\", \"sequence_weight\": 3.5}}}");
        assertEquals(badRescore.body().toString(), 400, badRescore.status());
        assertTrue(badRescore.body().toString(), badRescore.body().toString().contains("[sequence_weight] must be a number from 0 to 3, got [3.5]"));
        assertEquals(404, on(nodes[2], "POST", cancel(), null).status());

        // one listener liked episodes: too few sequences; the training fails and says why, no model
        indexCatalogue(INDEX, 1);
        rest("POST", "/_plugins/podcast/events?wait_for_profiles=true", TwoTastesHistory.eventsBody("alone", 1, 10, 5, 0));
        long version = startTraining(nodes[0], SHORT);
        Map<String, Object> failed = awaitEnd(nodes[0], version);
        assertEquals(failed.toString(), "failed", training(failed).get("state"));
        assertTrue(failed.toString(), ((String) training(failed).get("error")).contains("too few listening sequences to learn from: 1 listener(s)"));
        assertNull("no model: " + failed, failed.get("active"));
    }

    public void testASecondTrainingIsRefusedAndACancelledOneStoresNothing() throws Exception {
        String[] nodes = internalCluster().getNodeNames();
        indexCatalogue(INDEX, 1);
        rest("POST", "/_plugins/podcast/events?wait_for_profiles=true", TwoTastesHistory.eventsBody("listener", 4, 10, 3));
        long version;
        try (TrainingPoolBlock block = new TrainingPoolBlock(nodes[0])) {
            version = startTraining(nodes[0], SHORT);
            Answer again = on(nodes[1], "POST", train(), null);
            assertEquals(again.body().toString(), 409, again.status());
            assertTrue(again.body().toString(), again.body().toString().contains("a sequence model training is already running"));
            Answer cancelled = on(nodes[2], "POST", cancel(), null);
            assertEquals(cancelled.body().toString(), 200, cancelled.status());
            assertEquals(version, number(cancelled.body().get("version")));
        }
        Map<String, Object> status = awaitEnd(nodes[0], version);
        assertEquals(status.toString(), "cancelled", training(status).get("state"));
        assertTrue(status.toString(), ((String) training(status).get("error")).contains("the previous model stays in use"));
        assertNull("nothing stored: " + status, status.get("active"));
    }
}
