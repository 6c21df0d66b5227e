package com.podcastpersonalize.listeners;

import org.opensearch.core.action.ActionListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * At most one profile write per listener in flight from this node. Changes for a listener whose
 * write is in flight wait, and when it lands all of them go together into that listener's next
 * write (with the waiting changes of every other listener, in one bulk), applied in arrival order.
 * So concurrent requests on one node never race each other's sequence numbers (no conflict, no
 * re-read) and a busy listener costs one write per round trip instead of one per request. Writers on
 * other nodes are still caught by the sequence-number check of {@link ProfileStore}.
 */
final class ProfileWriteQueue {

    /** Writes changes for many listeners at once; completes with the ones that failed, and why. */
    interface Writer {
        void write(Map<String, UnaryOperator<Profile>> changes, Map<String, ProfileStore.Versioned> known, ActionListener<Map<String, Exception>> listener);
    }

    /** A change and who waits for it to be written (null: written). */
    private record Waiting(UnaryOperator<Profile> change, Reported done) {}

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
    /** Listeners with a write in flight, and the changes waiting for it to land. */
    private final Map<String, List<Waiting>> inFlight = new HashMap<>();

    ProfileWriteQueue(Writer writer) {
        this.writer = writer;
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
        synchronized (inFlight) {
            changes.forEach((id, change) -> {
                List<Waiting> waiting = inFlight.get(id);
                if (waiting != null) {
                    waiting.add(new Waiting(change, reported));
                } else {
                    inFlight.put(id, new ArrayList<>());
                    now.put(id, List.of(new Waiting(change, reported)));
                }
            });
        }
        if (now.isEmpty() == false) {
            write(now, known);
        }
    }

    private void write(Map<String, List<Waiting>> batch, Map<String, ProfileStore.Versioned> known) {
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

    /** Reports the batch and writes what waited for it: the next write starts from the profile just written. */
    private void landed(Map<String, List<Waiting>> batch, Map<String, Exception> failures) {
        Map<String, List<Waiting>> next = new LinkedHashMap<>();
        synchronized (inFlight) {
            for (String id : batch.keySet()) {
                List<Waiting> waiting = inFlight.get(id);
                if (waiting.isEmpty()) {
                    inFlight.remove(id);
                } else {
                    inFlight.put(id, new ArrayList<>());
                    next.put(id, waiting);
                }
            }
        }
        batch.forEach((id, waiting) -> waiting.forEach(w -> w.done().report(id, failures.get(id))));
        if (next.isEmpty() == false) {
            write(next, Map.of());
        }
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
