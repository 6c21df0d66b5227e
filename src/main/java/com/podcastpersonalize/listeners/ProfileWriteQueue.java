package com.podcastpersonalize.listeners;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The profile writes of this node, per listener: at most one write in flight per listener, and the
 * changes that arrive meanwhile wait and then go together into that listener's next write (with the
 * waiting changes of every other listener, in one bulk), applied in arrival order. So concurrent
 * requests on one node never race each other's sequence numbers (no conflict, no re-read), and a busy
 * listener costs one write per round trip instead of one per request. Writers on other nodes are
 * still caught by the sequence-number check of {@link ProfileStore}.
 *
 * <p>Changes come in two kinds. A change someone waits for ({@link #submit}) is written as soon as
 * the listener has no write in flight. A deferred change ({@link #defer}, write-behind) waits for the
 * next timed flush, so that many of them fold into one write; {@link #flush} writes a listener's
 * deferred changes at once (before a read), {@link #discard} drops them (before a delete).
 */
final class ProfileWriteQueue {

    private static final Logger logger = LogManager.getLogger(ProfileWriteQueue.class);

    /** Deferred changes whose write failed this many times are dropped (a rebuild recovers them from the stored events). */
    static final int DEFERRED_ATTEMPTS = 5;
    /** Listeners with deferred changes that make a flush start at once, whatever the delay: bounds the memory they hold. */
    static final int MAX_DEFERRED_LISTENERS = 10_000;

    /** Writes changes for many listeners at once; completes with the ones that failed, and why. */
    interface Writer {
        void write(Map<String, UnaryOperator<Profile>> changes, Map<String, ProfileStore.Versioned> known, ActionListener<Map<String, Exception>> listener);
    }

    /** Runs a task after a delay (the node's thread pool; a test's own clock). */
    interface Scheduler {
        void schedule(long delayMillis, Runnable task);
    }

    /** A change and who waits for it ({@code done} null: deferred, nobody waits), with its failed writes so far. */
    private record Waiting(UnaryOperator<Profile> change, Reported done, int failedWrites) {}

    /** One listener's state on this node. */
    private static final class Slot {
        boolean writing;
        final List<Waiting> waiting = new ArrayList<>();
        /** Called once the listener has nothing waiting and nothing in flight. */
        final List<Runnable> drained = new ArrayList<>();

        /** Whether the waiting changes are written right after the write in flight, rather than at the next timed flush. */
        boolean hurried() {
            return drained.isEmpty() == false || waiting.stream().anyMatch(w -> w.done() != null);
        }
    }

    /** One caller's changes: completes its listener once every one of its listeners was written or failed. */
    private static final class Reported {
        private final Map<String, Exception> failures = new HashMap<>();
        private final ActionListener<Map<String, Exception>> listener;
        private int left;

        Reported(int count, ActionListener<Map<String, Exception>> listener) {
            this.left = count;
            this.listener = listener;
        }

        void report(String id, Exception failure) {
            boolean last;
            synchronized (this) {
                if (failure != null) {
                    failures.put(id, failure);
                }
                last = --left == 0;
            }
            if (last) {
                listener.onResponse(failures);
            }
        }
    }

    private final Writer writer;
    private final Scheduler scheduler;
    /** Listeners with changes waiting or a write in flight (guarded by itself). */
    private final Map<String, Slot> slots = new HashMap<>();
    private boolean flushScheduled;
    /** The delay the pending timed flush was scheduled with. */
    private long scheduledDelayMillis;
    private long deferDelayMillis;

    ProfileWriteQueue(Writer writer, Scheduler scheduler) {
        this.writer = writer;
        this.scheduler = scheduler;
    }

    /**
     * Writes {@code changes} (per stored listener id), now or right after the write in flight for
     * that listener. {@code known} holds profiles the caller read (used only for listeners written now).
     */
    void submit(Map<String, UnaryOperator<Profile>> changes, Map<String, ProfileStore.Versioned> known, ActionListener<Map<String, Exception>> listener) {
        if (changes.isEmpty()) {
            listener.onResponse(Map.of());
            return;
        }
        Reported reported = new Reported(changes.size(), listener);
        Map<String, List<Waiting>> now = new LinkedHashMap<>();
        synchronized (slots) {
            changes.forEach((id, change) -> {
                Slot slot = slots.computeIfAbsent(id, i -> new Slot());
                slot.waiting.add(new Waiting(change, reported, 0));
                if (slot.writing == false) {
                    now.put(id, take(slot));
                }
            });
        }
        write(now, known);
    }

    /** Queues {@code changes} for the timed flush {@code delayMillis} from now (or the one already scheduled). */
    void defer(Map<String, UnaryOperator<Profile>> changes, long delayMillis) {
        boolean schedule;
        boolean full;
        synchronized (slots) {
            deferDelayMillis = delayMillis;
            changes.forEach((id, change) -> slots.computeIfAbsent(id, i -> new Slot()).waiting.add(new Waiting(change, null, 0)));
            // a shorter delay than the pending flush's (the setting was lowered) schedules an earlier one
            schedule = flushScheduled == false || delayMillis < scheduledDelayMillis;
            if (schedule) {
                flushScheduled = true;
                scheduledDelayMillis = delayMillis;
            }
            full = slots.size() >= MAX_DEFERRED_LISTENERS;
        }
        if (full) {
            flushAll();
        }
        if (schedule) {
            scheduler.schedule(delayMillis, this::timedFlush);
        }
    }

    /** Calls {@code done} once every change queued so far for {@code id} was written (or failed); at once when none is. */
    void flush(String id, Runnable done) {
        flushSlots(slots -> {
            Slot slot = slots.get(id);
            return slot == null ? Map.of() : Map.of(id, slot);
        }, done);
    }

    /** Calls {@code done} once every change queued so far, for every listener, was written (or failed); at once when none is. */
    void flushEverything(Runnable done) {
        flushSlots(LinkedHashMap::new, done);
    }

    /**
     * Writes now what waits in the slots {@code choose} picks (called holding the lock; after their writes
     * in flight), then calls {@code done}.
     */
    private void flushSlots(Function<Map<String, Slot>, Map<String, Slot>> choose, Runnable done) {
        Map<String, List<Waiting>> now = new LinkedHashMap<>();
        synchronized (slots) {
            Map<String, Slot> chosen = choose.apply(slots);
            if (chosen.isEmpty() == false) {
                AtomicInteger left = new AtomicInteger(chosen.size());
                Runnable whenAll = done;
                Runnable one = () -> {
                    if (left.decrementAndGet() == 0) {
                        whenAll.run();
                    }
                };
                chosen.forEach((id, slot) -> {
                    slot.drained.add(one);
                    if (slot.writing == false) {
                        now.put(id, take(slot));
                    }
                });
                done = null;
            }
        }
        if (done != null) {
            done.run();
        }
        write(now, Map.of());
    }

    /**
     * Drops the changes waiting for {@code id} (the listener is being deleted: those waited for fail)
     * and calls {@code done} once its write in flight, if any, has landed. Returns whether any change
     * was dropped.
     */
    boolean discard(String id, Runnable done) {
        List<Waiting> dropped = List.of();
        synchronized (slots) {
            Slot slot = slots.get(id);
            if (slot != null) {
                dropped = List.copyOf(slot.waiting);
                slot.waiting.clear();
                if (slot.writing) {
                    slot.drained.add(done);
                    done = null;
                } else {
                    slots.remove(id);
                }
            }
        }
        Exception deleted = new OpenSearchStatusException("the listener was deleted while its profile was being updated", RestStatus.CONFLICT);
        dropped.stream().filter(w -> w.done() != null).forEach(w -> w.done().report(id, deleted));
        if (done != null) {
            done.run();
        }
        return dropped.isEmpty() == false;
    }

    /** Listeners with a change waiting or in flight (for tests and stats). */
    int pendingListeners() {
        synchronized (slots) {
            return slots.size();
        }
    }

    private void timedFlush() {
        synchronized (slots) {
            flushScheduled = false;
        }
        flushAll();
    }

    /** Writes every listener's waiting changes that has no write in flight. */
    private void flushAll() {
        Map<String, List<Waiting>> now = new LinkedHashMap<>();
        synchronized (slots) {
            slots.forEach((id, slot) -> {
                if (slot.writing == false && slot.waiting.isEmpty() == false) {
                    now.put(id, take(slot));
                }
            });
        }
        write(now, Map.of());
    }

    /** Marks the slot as writing and takes its waiting changes (called holding the lock). */
    private static List<Waiting> take(Slot slot) {
        slot.writing = true;
        List<Waiting> batch = List.copyOf(slot.waiting);
        slot.waiting.clear();
        return batch;
    }

    private void write(Map<String, List<Waiting>> batch, Map<String, ProfileStore.Versioned> known) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, UnaryOperator<Profile>> changes = new LinkedHashMap<>();
        Map<String, ProfileStore.Versioned> base = new HashMap<>();
        batch.forEach((id, waiting) -> {
            changes.put(id, inOrder(waiting));
            if (known.containsKey(id)) {
                base.put(id, known.get(id));
            }
        });
        writer.write(changes, base, ActionListener.wrap(failures -> landed(batch, failures), e -> {
            Map<String, Exception> all = new HashMap<>();
            batch.keySet().forEach(id -> all.put(id, e));
            landed(batch, all);
        }));
    }

    /**
     * Reports the batch, and writes at once what waited behind it when someone waits for that; what
     * is only deferred waits for the next timed flush. Deferred changes whose write failed go back to
     * the head of the queue (up to {@link #DEFERRED_ATTEMPTS} writes); readers waiting for a failed
     * write are let go to read what is stored.
     */
    private void landed(Map<String, List<Waiting>> batch, Map<String, Exception> failures) {
        Map<String, List<Waiting>> next = new LinkedHashMap<>();
        List<Runnable> drained = new ArrayList<>();
        boolean schedule = false;
        synchronized (slots) {
            for (Map.Entry<String, List<Waiting>> written : batch.entrySet()) {
                String id = written.getKey();
                Slot slot = slots.get(id);
                slot.writing = false;
                Exception failure = failures.get(id);
                if (failure != null) {
                    requeueDeferred(id, slot, written.getValue(), failure);
                    drained.addAll(slot.drained);
                    slot.drained.clear();
                }
                if (slot.waiting.isEmpty()) {
                    slots.remove(id);
                    drained.addAll(slot.drained);
                } else if (slot.hurried()) {
                    next.put(id, take(slot));
                } else {
                    schedule = true;
                }
            }
            schedule &= flushScheduled == false;
            if (schedule) {
                flushScheduled = true;
                scheduledDelayMillis = deferDelayMillis;
            }
        }
        batch.forEach((id, waiting) -> waiting.stream().filter(w -> w.done() != null).forEach(w -> w.done().report(id, failures.get(id))));
        drained.forEach(Runnable::run);
        if (schedule) {
            scheduler.schedule(deferDelayMillis, this::timedFlush);
        }
        write(next, Map.of());
    }

    /** Puts the deferred changes of a failed write back at the head of the queue, or drops them after too many failures. */
    private static void requeueDeferred(String id, Slot slot, List<Waiting> written, Exception failure) {
        List<Waiting> deferred = written.stream().filter(w -> w.done() == null).toList();
        List<Waiting> again = deferred.stream()
            .filter(w -> w.failedWrites() + 1 < DEFERRED_ATTEMPTS)
            .map(w -> new Waiting(w.change(), null, w.failedWrites() + 1))
            .toList();
        if (again.size() < deferred.size()) {
            logger.warn("profile of [" + id + "]: deferred changes dropped after " + DEFERRED_ATTEMPTS + " failed writes (rebuild the profile to recover them)", failure);
        }
        slot.waiting.addAll(0, again);
    }

    private static UnaryOperator<Profile> inOrder(List<Waiting> waiting) {
        if (waiting.size() == 1) {
            return waiting.get(0).change();
        }
        return profile -> {
            Profile changed = profile;
            for (Waiting w : waiting) {
                changed = w.change().apply(changed);
            }
            return changed;
        };
    }
}
