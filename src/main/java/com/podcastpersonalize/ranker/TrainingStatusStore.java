package com.podcastpersonalize.ranker;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.index.engine.VersionConflictEngineException;
import org.opensearch.index.seqno.SequenceNumbers;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The status document of one {@link TrainingKind} in the ranker index ({@code training} for the ranker):
 * the status of the running or last training of that kind, and the cluster-wide lock that lets only one
 * training of that kind run at a time. A training claims it with a
 * compare-and-set write (sequence number of the status it read); the claim fails with 409 while another
 * training is running and its node keeps writing its heartbeat. A running status whose heartbeat is
 * older than {@link #ABANDONED_AFTER_MILLIS} is treated as abandoned (its node left or restarted).
 */
final class TrainingStatusStore {

    private static final Logger LOGGER = LogManager.getLogger(TrainingStatusStore.class);
    /** Heartbeats come every {@link ModelTrainingService#HEARTBEAT} (5 s): a minute without one means the node stopped. */
    static final long ABANDONED_AFTER_MILLIS = 60_000;

    /** A stored status with the sequence number and primary term it was read at. */
    record Stored(Optional<TrainingStatus> status, long seqNo, long primaryTerm) {}

    private final Client client;
    private final RankerIndex index;
    private final TrainingKind kind;

    TrainingStatusStore(Client client, RankerIndex index, TrainingKind kind) {
        this.client = client;
        this.index = index;
        this.kind = kind;
    }

    /** The stored status (read in real time), empty when no training ever ran. */
    void read(ActionListener<Stored> listener) {
        if (!index.exists()) {
            listener.onResponse(new Stored(Optional.empty(), SequenceNumbers.UNASSIGNED_SEQ_NO, SequenceNumbers.UNASSIGNED_PRIMARY_TERM));
            return;
        }
        client.get(new GetRequest(index.name(), kind.trainingId()), ActionListener.wrap(response -> {
            Optional<TrainingStatus> status = response.isExists() ? Optional.of(TrainingStatus.read(response.getSourceAsMap())) : Optional.empty();
            listener.onResponse(new Stored(status, response.getSeqNo(), response.getPrimaryTerm()));
        }, e -> {
            if (e instanceof IndexNotFoundException) {
                listener.onResponse(new Stored(Optional.empty(), SequenceNumbers.UNASSIGNED_SEQ_NO, SequenceNumbers.UNASSIGNED_PRIMARY_TERM));
            } else {
                listener.onFailure(e);
            }
        }));
    }

    /**
     * Claims the lock for {@code starting}: creates the index when missing, reads the stored status and
     * writes {@code starting} over it only if no other training is running. Answers the writer the
     * training then keeps its status with.
     */
    void claim(TrainingStatus starting, long now, ActionListener<Writer> listener) {
        index.ensure(ActionListener.wrap(name -> read(ActionListener.wrap(stored -> {
            Optional<TrainingStatus> previous = stored.status();
            if (previous.isPresent() && previous.get().running() && now - previous.get().updatedAt() < ABANDONED_AFTER_MILLIS) {
                listener.onFailure(alreadyRunning(previous.get()));
                return;
            }
            IndexRequest request = new IndexRequest(name).id(kind.trainingId()).source(source(starting));
            if (previous.isPresent()) {
                request.setIfSeqNo(stored.seqNo()).setIfPrimaryTerm(stored.primaryTerm());
            } else {
                request.create(true);
            }
            client.index(request, ActionListener.wrap(
                written -> listener.onResponse(new Writer(name, written.getSeqNo(), written.getPrimaryTerm())),
                e -> listener.onFailure(e instanceof VersionConflictEngineException ? claimedMeanwhile() : e)
            ));
        }, listener::onFailure)), listener::onFailure));
    }

    OpenSearchStatusException alreadyRunning(TrainingStatus running) {
        return new OpenSearchStatusException(
            "a " + kind.name() + " training is already running (task [" + running.taskId() + "] on node [" + running.node() + "], started "
                + java.time.Instant.ofEpochMilli(running.startedAt()) + "); wait for it or cancel it with POST " + kind.path() + "/_cancel",
            RestStatus.CONFLICT
        );
    }

    private OpenSearchStatusException claimedMeanwhile() {
        return new OpenSearchStatusException("another " + kind.name() + " training started at the same moment; see GET " + kind.path(), RestStatus.CONFLICT);
    }

    Map<String, Object> source(TrainingStatus status) {
        try (XContentBuilder builder = JsonXContent.contentBuilder()) {
            status.toXContent(builder, ToXContent.EMPTY_PARAMS);
            Map<String, Object> source = new HashMap<>(XContentHelper.convertToMap(BytesReference.bytes(builder), false, MediaTypeRegistry.JSON).v2());
            source.put(RankerIndex.KIND, kind.trainingId());
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the claimed status of one training, in order and without piling up: while a write is in
     * flight only the newest status waits, so a late heartbeat can never overwrite the final state. Each
     * write is conditional on the previous one: when another node took the lock over (after this node
     * looked abandoned), writing stops.
     */
    final class Writer {
        private final String name;
        private long seqNo;
        private long primaryTerm;
        private boolean writing;
        private boolean lost;
        private TrainingStatus pending;

        private Writer(String name, long seqNo, long primaryTerm) {
            this.name = name;
            this.seqNo = seqNo;
            this.primaryTerm = primaryTerm;
        }

        synchronized void write(TrainingStatus status) {
            if (lost) {
                return;
            }
            if (writing) {
                pending = status;
                return;
            }
            writing = true;
            send(status);
        }

        private void send(TrainingStatus status) {
            IndexRequest request = new IndexRequest(name).id(kind.trainingId()).source(source(status)).setIfSeqNo(seqNo).setIfPrimaryTerm(primaryTerm);
            client.index(request, ActionListener.wrap(written -> sent(written.getSeqNo(), written.getPrimaryTerm(), null), e -> sent(seqNo, primaryTerm, e)));
        }

        private synchronized void sent(long newSeqNo, long newPrimaryTerm, Exception failure) {
            seqNo = newSeqNo;
            primaryTerm = newPrimaryTerm;
            if (failure instanceof VersionConflictEngineException) {
                LOGGER.warn("the {} training status was taken over by another training; this node stops writing it", kind.name());
                lost = true;
            } else if (failure != null) {
                LOGGER.warn("could not write the " + kind.name() + " training status", failure);
            }
            TrainingStatus next = pending;
            pending = null;
            if (next != null && !lost) {
                send(next);
            } else {
                writing = false;
            }
        }
    }
}
