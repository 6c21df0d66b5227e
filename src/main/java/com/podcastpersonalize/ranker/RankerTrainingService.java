package com.podcastpersonalize.ranker;

import com.podcastpersonalize.settings.PodcastSettings;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.ExceptionsHelper;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.admin.cluster.node.tasks.cancel.CancelTasksRequest;
import org.opensearch.action.admin.indices.refresh.RefreshRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.tasks.TaskCancelledException;
import org.opensearch.core.tasks.TaskId;
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
import java.util.function.LongSupplier;

/**
 * Starts, runs, reports and cancels ranker trainings on this node.
 *
 * <p>One training at a time in the cluster: a start claims the {@code training} status document
 * ({@link TrainingStatusStore}), which answers 409 while another training runs anywhere. The training
 * then runs as a cancellable task of this node ({@link RankerTrainAction}); its live status lives on this
 * node and is copied to the ranker index every {@link #HEARTBEAT}, so that the status API answers from
 * any node (with this node's live figures when it is the one training).
 */
public final class RankerTrainingService {

    private static final Logger LOGGER = LogManager.getLogger(RankerTrainingService.class);
    static final TimeValue HEARTBEAT = TimeValue.timeValueSeconds(5);

    /**
     * What the status API shows: the active version (empty before the first), the version this node's
     * searches use ({@link RankerModelStore#loadActive}, empty before the first) and the running or last
     * training (empty before any).
     */
    public record Status(Optional<Map<String, Object>> active, String node, Optional<Long> served, Optional<TrainingStatus> training) {}

    private final Client client;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;
    private final RankerModelStore models;
    private final TrainingStatusStore statuses;
    private final RankerTrainingJob job;
    private final LongSupplier clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile LocalTraining local;

    public RankerTrainingService(Client client, ClusterService clusterService, ThreadPool threadPool, String trainingPool, RankerIndex index, RankerModelStore models) {
        this.client = client;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
        this.models = models;
        this.clock = threadPool::absoluteTimeInMillis;
        this.statuses = new TrainingStatusStore(client, index);
        this.job = new RankerTrainingJob(new StoredTrainingEvents(client), models, clusterService.getClusterSettings(), threadPool.executor(trainingPool), clock);
    }

    /**
     * Starts a training in the background and answers its status (with the task id) once it runs.
     * Fails with 400 when there is no stored event at all, and 409 when a training already runs.
     */
    public void start(NodeClient nodeClient, RankerTrainingParameters parameters, ActionListener<TrainingStatus> started) {
        if (!busy.compareAndSet(false, true)) {
            LocalTraining running = local;
            started.onFailure(running != null && running.status().running()
                ? TrainingStatusStore.alreadyRunning(running.status())
                : new OpenSearchStatusException("a ranker training is starting on this node", RestStatus.CONFLICT));
            return;
        }
        ActionListener<TrainingStatus> releaseOnFailure = ActionListener.wrap(started::onResponse, e -> {
            busy.set(false);
            started.onFailure(e);
        });
        requireEvents(ActionListener.wrap(ignored -> {
            long now = clock.getAsLong();
            TrainingStatus starting = TrainingStatus.started(now, clusterService.localNode().getId(), now, parameters);
            statuses.claim(starting, now, ActionListener.wrap(writer -> {
                LocalTraining training = new LocalTraining(starting, writer, clock);
                local = training;
                Task task = nodeClient.executeLocally(
                    RankerTrainAction.INSTANCE,
                    new RankerTrainAction.Request(parameters, starting.version()),
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

    /** Runs the training of {@code request} under {@code task} (called by {@link TransportRankerTrainAction}). */
    void execute(CancellableTask task, RankerTrainAction.Request request, ActionListener<Long> listener) {
        LocalTraining training = local;
        if (training == null || training.version() != request.version() || !training.status().running()) {
            listener.onFailure(new IllegalStateException("ranker trainings start with POST /_plugins/podcast/ranker/_train, not through the transport action"));
            return;
        }
        job.run(training, task::isCancelled, ActionListener.notifyOnce(listener));
    }

    private void finish(LocalTraining training, Exception failure) {
        Throwable cause = ExceptionsHelper.unwrapCause(failure);
        if (cause instanceof CancellationException || cause instanceof TrainingCancelledException || cause instanceof TaskCancelledException) {
            finish(training, TrainingStatus.State.CANCELLED, cause.getMessage() + "; the previous model stays in use");
        } else {
            LOGGER.warn("ranker training failed", failure);
            finish(training, TrainingStatus.State.FAILED, cause.getMessage() + "; the previous model stays in use");
        }
    }

    private void finish(LocalTraining training, TrainingStatus.State end, String reason) {
        TrainingStatus last = training.finish(end, reason);
        LOGGER.info("ranker training of version [{}] {}{}", last.version(), end.label(), reason == null ? "" : ": " + reason);
        busy.set(false);
    }

    /** The active version and the running or last training, as this node knows them best. */
    public void status(ActionListener<Status> listener) {
        models.loadActive(ActionListener.wrap(served -> models.describeActive(ActionListener.wrap(active -> statuses.read(ActionListener.wrap(
            stored -> listener.onResponse(new Status(active, clusterService.localNode().getName(), served.map(RankerModel::version), latest(stored.status()))),
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
        long now = clock.getAsLong();
        boolean restartedHere = other.node().equals(clusterService.localNode().getId()) && (mine == null || !mine.status().running());
        boolean silent = now - other.updatedAt() >= TrainingStatusStore.ABANDONED_AFTER_MILLIS;
        return Optional.of(restartedHere || silent ? other.abandoned(now) : other);
    }

    /** Cancels the running training wherever it runs (through the task framework); 404 when none runs. */
    public void cancel(ActionListener<TrainingStatus> listener) {
        status(ActionListener.wrap(status -> {
            Optional<TrainingStatus> training = status.training().filter(TrainingStatus::running);
            if (training.isEmpty()) {
                listener.onFailure(new OpenSearchStatusException("no ranker training is running", RestStatus.NOT_FOUND));
                return;
            }
            TrainingStatus running = training.get();
            if (running.taskId() == null) {
                listener.onFailure(new OpenSearchStatusException("the ranker training is starting; cancel again in a moment", RestStatus.CONFLICT));
                return;
            }
            CancelTasksRequest request = new CancelTasksRequest().setReason("cancelled through POST /_plugins/podcast/ranker/_cancel");
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
