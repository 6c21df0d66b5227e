package com.podcastpersonalize.ranker;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.util.Map;

public class TrainingStatusTests extends OpenSearchTestCase {

    private static final RankerTrainingParameters PARAMETERS = new RankerTrainingParameters(new ValidationWindow.Days(7), ModelType.LOGISTIC, 2, 42);

    private static Map<String, Object> stored(TrainingStatus status) throws IOException {
        try (XContentBuilder builder = JsonXContent.contentBuilder()) {
            status.toXContent(builder, ToXContent.EMPTY_PARAMS);
            return XContentHelper.convertToMap(BytesReference.bytes(builder), false, MediaTypeRegistry.JSON).v2();
        }
    }

    public void testAStoredStatusReadsBackUnchanged() throws IOException {
        TrainingStatus running = TrainingStatus.started(1_700_000_000_000L, "node-a", 1_700_000_000_000L, PARAMETERS)
            .withTaskId("node-a:17")
            .withProgress(TrainingStatus.Progress.starting().withEvents(5000).withExamples(1200).training(new TrainingProgress(3, 7, 0.43, 0.6)))
            .heartbeat(1_700_000_005_000L);
        assertEquals(running, TrainingStatus.read(stored(running)));
        TrainingStatus failed = running.finished(TrainingStatus.State.FAILED, "the training part has only positive labels", 1_700_000_009_000L);
        assertEquals(failed, TrainingStatus.read(stored(failed)));
        assertEquals("failed", stored(failed).get("state"));
        assertEquals("2023-11-14T22:13:29Z", stored(failed).get("finished_at"));
    }

    @SuppressWarnings("unchecked")
    public void testAStatusOfAShareTrainingShowsTheShare() throws IOException {
        RankerTrainingParameters share = new RankerTrainingParameters(new ValidationWindow.Share(0.2), ModelType.MLP, 2, 42);
        TrainingStatus status = TrainingStatus.started(1_700_000_000_000L, "node-a", 1_700_000_000_000L, share);
        Map<String, Object> parameters = (Map<String, Object>) stored(status).get("parameters");
        assertEquals(0.2, parameters.get("validation_share"));
        assertFalse(parameters.containsKey("validation_days"));
        assertEquals(status, TrainingStatus.read(stored(status)));
    }

    public void testOnlyASuccessEndsInTheDonePhase() {
        TrainingStatus running = TrainingStatus.started(1, "n", 1, PARAMETERS).withProgress(TrainingStatus.Progress.starting().inPhase("training"));
        assertEquals("done", running.finished(TrainingStatus.State.SUCCEEDED, null, 2).progress().phase());
        assertEquals("training", running.finished(TrainingStatus.State.CANCELLED, "cancelled", 2).progress().phase());
    }

    public void testAnAbandonedTrainingFailsAndSaysWhichNodeStoppedReporting() {
        TrainingStatus silent = TrainingStatus.started(1_000, "node-b", 1_000, PARAMETERS).heartbeat(2_000);
        TrainingStatus abandoned = silent.abandoned(100_000);
        assertEquals(TrainingStatus.State.FAILED, abandoned.state());
        assertEquals(2_000, abandoned.updatedAt());
        assertTrue(abandoned.error(), abandoned.error().contains("abandoned: node [node-b] last reported this training at 1970-01-01T00:00:02Z"));
    }
}
