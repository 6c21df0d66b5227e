package com.podcastpersonalize.ranker;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.threadpool.Scheduler;
import org.opensearch.threadpool.ThreadPool;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The training this node runs (or ran last): its live status, which the status API of this node shows
 * as is, and its copy in the ranker index, written at start, on a heartbeat while it runs and at the end.
 */
public final class LocalTraining {

    private final AtomicReference<TrainingStatus> status;
    private final TrainingStatusStore.Writer writer;
    private final LongSupplier clock;
    private volatile Scheduler.Cancellable heartbeat;

    LocalTraining(TrainingStatus initial, TrainingStatusStore.Writer writer, LongSupplier clock) {
        this.status = new AtomicReference<>(initial);
        this.writer = writer;
        this.clock = clock;
    }

    public TrainingStatus status() {
        return status.get();
    }

    public long version() {
        return status.get().version();
    }

    /** Changes the live status (progress, task id); the index copy follows with the next heartbeat. */
    public void update(UnaryOperator<TrainingStatus> change) {
        status.updateAndGet(change);
    }

    /** Writes the status now, and then every {@code interval} while the training runs. */
    synchronized void startHeartbeat(ThreadPool threadPool, TimeValue interval) {
        if (!status.get().running()) {
            return; // finished already (failed at once)
        }
        beat();
        heartbeat = threadPool.scheduleWithFixedDelay(this::beat, interval, ThreadPool.Names.GENERIC);
    }

    private synchronized void beat() {
        TrainingStatus current = status.updateAndGet(s -> s.running() ? s.heartbeat(clock.getAsLong()) : s);
        if (current.running()) {
            writer.write(current);
        }
    }

    /** The final state, written once the heartbeat stopped (the writer keeps the order: nothing overwrites it). */
    synchronized TrainingStatus finish(TrainingStatus.State end, String reason) {
        Scheduler.Cancellable beating = heartbeat;
        if (beating != null) {
            beating.cancel();
        }
        TrainingStatus last = status.updateAndGet(s -> s.finished(end, reason, clock.getAsLong()));
        writer.write(last);
        return last;
    }
}
