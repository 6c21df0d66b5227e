package com.podcastpersonalize.ranker;

import com.podcastpersonalize.settings.PodcastSettings;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.ExceptionsHelper;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.admin.cluster.node.tasks.cancel.CancelTasksRequest;
import org.opensearch.action.admin.indices.refresh.RefreshRequest;
import org.opensearch.action.ActionType;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.tasks.TaskCancelledException;
import org.opensearch.core.tasks.TaskId;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.tasks.CancellableTask;
import org.opensearch.tasks.Task;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.transport.client.node.NodeClient;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Starts, runs, reports and cancels the trainings of one {@link TrainingKind} on this node (a subclass
 * per kind: the ranker's, the sequence model's).
 *
 * <p>One training of a kind at a time in the cluster: a start claims the kind's status document
 * ({@link TrainingStatusStore}), which answers 409 while another training runs anywhere. The training
 * then runs as a cancellable task of this node ({@link ModelTrainRequest}); its live status lives on this
 * node and is copied to the ranker index every {@link #HEARTBEAT}, so that the status API answers from
 * any node (with this node's live figures when it is the one training).
 */
public class ModelTrainingService<P extends Writeable & ToXContentObject, M> {

    private static final Logger LOGGER = LogManager.getLogger(ModelTrainingService.class);
    static final TimeValue HEARTBEAT = TimeValue.timeValueSeconds(5);

    /**
     * What the status API shows: the active version (empty before the first), the version this node's
     * searches use ({@link ModelVersions#loadActive}, empty before the first) and the running or last
     * training (empty before any).
     */
    public record Status(Optional<Map<String, Object>> active, String node, Optional<Long> served, Optional<TrainingStatus> training) {}

    private final Client client;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;
    private final ModelVersions<M> models;
    private final TrainingKind kind;
    private final TrainingStatusStore statuses;
    private final EventsTrainingJob<P, ?> job;
    private final ActionType<ModelTrainResponse> action;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile LocalTraining local;

    /**
     * @param trainingPool the thread pool trainings run on
     * @param job          makes the kind's training job
     * @param action       the task each training runs as (its transport action calls {@link #execute})
     */
    protected ModelTrainingService(
        Client client,
        ClusterService clusterService,
        ThreadPool threadPool,
        String trainingPool,
        RankerIndex index,
        ModelVersions<M> models,
        Function<EventsTrainingJob.Context, EventsTrainingJob<P, ?>> job,
        ActionType<ModelTrainResponse> action
    ) {
        this.client = client;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
        this.models = models;
        this.kind = models.kind();
        this.statuses = new TrainingStatusStore(client, index, kind);
        this.job = job.apply(new EventsTrainingJob.Context(
            new StoredTrainingEvents(client),
            clusterService.getClusterSettings(),
            threadPool.executor(trainingPool),
            threadPool::absoluteTimeInMillis
        ));
        this.action = action;
    }

    private long now() {
        return threadPool.absoluteTimeInMillis();
    }

    /**
     * Starts a training in the background and answers its status (with the task id) once it runs.
     * Fails with 400 when there is no stored event at all, and 409 when a training already runs.
     */
    public void start(NodeClient nodeClient, P parameters, ActionListener<TrainingStatus> started) {
        if (!busy.compareAndSet(false, true)) {
            LocalTraining running = local;
            started.onFailure(running != null && running.status().running()
                ? statuses.alreadyRunning(running.status())
                : new OpenSearchStatusException("a " + kind.name() + " training is starting on this node", RestStatus.CONFLICT));
            return;
        }
        ActionListener<TrainingStatus> releaseOnFailure = ActionListener.wrap(started::onResponse, e -> {
            busy.set(false);
            started.onFailure(e);
        });
        requireEvents(ActionListener.wrap(ignored -> {
            long now = now();
            TrainingStatus starting = TrainingStatus.started(now, clusterService.localNode().getId(), now, parameters);
            statuses.claim(starting, now, ActionListener.wrap(writer -> {
                LocalTraining training = new LocalTraining(starting, writer, this::now);
                local = training;
                Task task = nodeClient.executeLocally(
                    action,
                    new ModelTrainRequest<>(kind.name(), parameters, starting.version()),
                    ActionListener.wrap(response -> finish(training, TrainingStatus.State.SUCCEEDED, null), e -> finish(training, e))
                );
                String taskId = new TaskId(clusterService.localNode().getId(), task.getId()).toString();
                training.update(s -> s.withTaskId(taskId));
                training.startHeartbeat(threadPool, HEARTBEAT);
                releaseOnFailure.onResponse(training.status());
            }, releaseOnFailure::onFailure));
        }, releaseOnFailure::onFailure));
    }

    /** A 400 before anything starts when the events index is missing or empty: the commonest mistake gets an immediate answer. */
    private void requireEvents(ActionListener<Void> listener) {
        String events = clusterService.getClusterSettings().get(PodcastSettings.LISTENERS_EVENTS_INDEX);
        var metadata = clusterService.state().metadata();
        if (!metadata.hasIndex(events) && !metadata.hasAlias(events)) {
            listener.onFailure(new IllegalArgumentException("no listening events to learn from: index [" + events + "] does not exist yet; post events first"));
            return;
        }
        client.admin().indices().refresh(new RefreshRequest(events), ActionListener.wrap(refreshed -> client.search(
            new SearchRequest(events).source(new SearchSourceBuilder().size(0).trackTotalHits(true)),
            ActionListener.wrap(response -> {
                if (response.getHits().getTotalHits().value() == 0) {
                    listener.onFailure(new IllegalArgumentException("no listening events to learn from: index [" + events + "] holds none; post events first"));
                } else {
                    listener.onResponse(null);
                }
            }, listener::onFailure)
        ), listener::onFailure));
    }

    /** Runs the training of {@code request} under {@code task} (called by {@link TransportModelTrainAction}). */
    void execute(CancellableTask task, ModelTrainRequest<P> request, ActionListener<Long> listener) {
        LocalTraining training = local;
        if (training == null || training.version() != request.version() || !training.status().running()) {
            listener.onFailure(new IllegalStateException(kind.name() + " trainings start with POST " + kind.path() + "/_train, not through the transport action"));
            return;
        }
        job.run(training, request.parameters(), task::isCancelled, ActionListener.notifyOnce(listener));
    }

    private void finish(LocalTraining training, Exception failure) {
        Throwable cause = ExceptionsHelper.unwrapCause(failure);
        if (cause instanceof CancellationException || cause instanceof TrainingCancelledException || cause instanceof TaskCancelledException) {
            finish(training, TrainingStatus.State.CANCELLED, cause.getMessage() + "; the previous model stays in use");
        } else {
            LOGGER.warn(kind.name() + " training failed", failure);
            finish(training, TrainingStatus.State.FAILED, cause.getMessage() + "; the previous model stays in use");
        }
    }

    private void finish(LocalTraining training, TrainingStatus.State end, String reason) {
        TrainingStatus last = training.finish(end, reason);
        LOGGER.info("{} training of version [{}] {}{}", kind.name(), last.version(), end.label(), reason == null ? "" : ": " + reason);
        busy.set(false);
    }

    /** The active version and the running or last training, as this node knows them best. */
    public void status(ActionListener<Status> listener) {
        models.servedVersion(ActionListener.wrap(served -> models.describeActive(ActionListener.wrap(active -> statuses.read(ActionListener.wrap(
            stored -> listener.onResponse(new Status(active, clusterService.localNode().getName(), served, latest(stored.status()))),
            listener::onFailure
        )), listener::onFailure)), listener::onFailure));
    }

    /** This node's live status when it ran the latest training, else the stored one (abandoned when its heartbeat stopped). */
    private Optional<TrainingStatus> latest(Optional<TrainingStatus> stored) {
        LocalTraining mine = local;
        if (mine != null && (stored.isEmpty() || stored.get().version() <= mine.version())) {
            return Optional.of(mine.status());
        }
        if (stored.isEmpty() || !stored.get().running()) {
            return stored;
        }
        TrainingStatus other = stored.get();
        long now = now();
        boolean restartedHere = other.node().equals(clusterService.localNode().getId()) && (mine == null || !mine.status().running());
        boolean silent = now - other.updatedAt() >= TrainingStatusStore.ABANDONED_AFTER_MILLIS;
        return Optional.of(restartedHere || silent ? other.abandoned(now) : other);
    }

    /** Cancels the running training wherever it runs (through the task framework); 404 when none runs. */
    public void cancel(ActionListener<TrainingStatus> listener) {
        status(ActionListener.wrap(status -> {
            Optional<TrainingStatus> training = status.training().filter(TrainingStatus::running);
            if (training.isEmpty()) {
                listener.onFailure(new OpenSearchStatusException("no " + kind.name() + " training is running", RestStatus.NOT_FOUND));
                return;
            }
            TrainingStatus running = training.get();
            if (running.taskId() == null) {
                listener.onFailure(new OpenSearchStatusException("the " + kind.name() + " training is starting; cancel again in a moment", RestStatus.CONFLICT));
                return;
            }
            CancelTasksRequest request = new CancelTasksRequest().setReason("cancelled through POST " + kind.path() + "/_cancel");
            request.setTaskId(new TaskId(running.taskId()));
            client.admin().cluster().cancelTasks(request, ActionListener.wrap(response -> {
                if (!response.getNodeFailures().isEmpty() || !response.getTaskFailures().isEmpty()) {
                    Exception e = !response.getTaskFailures().isEmpty() ? response.getTaskFailures().get(0).getCause() : response.getNodeFailures().get(0);
                    listener.onFailure(e);
                } else {
                    listener.onResponse(running);
                }
            }, listener::onFailure));
        }, listener::onFailure));
    }
}
