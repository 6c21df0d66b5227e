package com.podcastpersonalize.ranker;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Where a training stands (of any {@link TrainingKind}): live on the node that runs it, and as the kind's
 * status document of the ranker index (written at start, every few seconds while it runs, and at the
 * end), so that any node can answer. Immutable: each change makes a new status.
 *
 * @param version     the model version this training produces (its start time, epoch ms)
 * @param taskId      the task, {@code node:id}, cancellable with {@code POST _tasks/<id>/_cancel}; null until registered
 * @param node        the id of the node that trains
 * @param updatedAt   when the training node last wrote this status (its heartbeat), epoch ms
 * @param finishedAt  epoch ms, or null while running
 * @param error       why it failed or was cancelled, or null
 * @param parameters  what the training was asked for, as the request body names them
 */
public record TrainingStatus(
    State state,
    long version,
    String taskId,
    String node,
    long startedAt,
    long updatedAt,
    Long finishedAt,
    Progress progress,
    String error,
    Map<String, Object> parameters
) implements ToXContentObject {

    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State fromLabel(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * @param phase     reading_events, fetching_episodes, replaying, training, storing or done
     * @param events    stored events read so far
     * @param examples  labelled examples replayed (0 until the replay ends)
     * @param epoch     epochs finished (training phase)
     * @param epochs    epochs planned (0 until training starts)
     * @param fraction  of the training phase done, 0 to 1
     */
    public record Progress(String phase, long events, int examples, int epoch, int epochs, double fraction) {

        static Progress starting() {
            return new Progress("reading_events", 0, 0, 0, 0, 0);
        }

        public Progress inPhase(String value) {
            return new Progress(value, events, examples, epoch, epochs, fraction);
        }

        public Progress withEvents(long value) {
            return new Progress(phase, value, examples, epoch, epochs, fraction);
        }

        public Progress withExamples(int value) {
            return new Progress(phase, events, value, epoch, epochs, fraction);
        }

        public Progress training(TrainingProgress reported) {
            return new Progress("training", events, examples, reported.epoch(), reported.epochs(), reported.fractionDone());
        }
    }

    static TrainingStatus started(long version, String node, long now, ToXContentObject parameters) {
        return new TrainingStatus(State.RUNNING, version, null, node, now, now, null, Progress.starting(), null, asMap(parameters));
    }

    private static Map<String, Object> asMap(ToXContentObject parameters) {
        try (XContentBuilder builder = JsonXContent.contentBuilder()) {
            parameters.toXContent(builder, ToXContent.EMPTY_PARAMS);
            return XContentHelper.convertToMap(BytesReference.bytes(builder), true, MediaTypeRegistry.JSON).v2();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    TrainingStatus withTaskId(String value) {
        return new TrainingStatus(state, version, value, node, startedAt, updatedAt, finishedAt, progress, error, parameters);
    }

    public TrainingStatus withProgress(Progress value) {
        return new TrainingStatus(state, version, taskId, node, startedAt, updatedAt, finishedAt, value, error, parameters);
    }

    TrainingStatus heartbeat(long now) {
        return new TrainingStatus(state, version, taskId, node, startedAt, now, finishedAt, progress, error, parameters);
    }

    TrainingStatus finished(State end, String reason, long now) {
        Progress last = end == State.SUCCEEDED ? progress.inPhase("done") : progress;
        return new TrainingStatus(end, version, taskId, node, startedAt, now, now, last, reason, parameters);
    }

    /** A status whose node stopped writing its heartbeat: that training is gone (the node left or restarted). */
    TrainingStatus abandoned(long now) {
        return finished(
            State.FAILED,
            "abandoned: node [" + node + "] last reported this training at " + Instant.ofEpochMilli(updatedAt) + " and is no longer running it",
            now
        ).withUpdatedAt(updatedAt);
    }

    private TrainingStatus withUpdatedAt(long value) {
        return new TrainingStatus(state, version, taskId, node, startedAt, value, finishedAt, progress, error, parameters);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field("state", state.label());
        builder.field("version", version);
        builder.field("task_id", taskId);
        builder.field("node", node);
        builder.field("started_at", Instant.ofEpochMilli(startedAt).toString());
        builder.field("updated_at", Instant.ofEpochMilli(updatedAt).toString());
        builder.field("finished_at", finishedAt == null ? null : Instant.ofEpochMilli(finishedAt).toString());
        builder.startObject("progress")
            .field("phase", progress.phase())
            .field("events", progress.events())
            .field("examples", progress.examples())
            .field("epoch", progress.epoch())
            .field("epochs", progress.epochs())
            .field("fraction", progress.fraction())
            .endObject();
        builder.field("error", error);
        builder.field("parameters", parameters);
        return builder.endObject();
    }

    /** A status from the source written by {@link #toXContent}. */
    @SuppressWarnings("unchecked")
    static TrainingStatus read(Map<String, Object> source) {
        Map<String, Object> progress = (Map<String, Object>) source.get("progress");
        Object finished = source.get("finished_at");
        return new TrainingStatus(
            State.fromLabel((String) source.get("state")),
            ((Number) source.get("version")).longValue(),
            (String) source.get("task_id"),
            (String) source.get("node"),
            Instant.parse((String) source.get("started_at")).toEpochMilli(),
            Instant.parse((String) source.get("updated_at")).toEpochMilli(),
            finished == null ? null : Instant.parse((String) finished).toEpochMilli(),
            new Progress(
                (String) progress.get("phase"),
                ((Number) progress.get("events")).longValue(),
                ((Number) progress.get("examples")).intValue(),
                ((Number) progress.get("epoch")).intValue(),
                ((Number) progress.get("epochs")).intValue(),
                ((Number) progress.get("fraction")).doubleValue()
            ),
            (String) source.get("error"),
            (Map<String, Object>) source.get("parameters")
        );
    }
}
