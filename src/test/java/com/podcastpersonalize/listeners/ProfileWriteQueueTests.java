package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;

import org.opensearch.core.action.ActionListener;
import org.opensearch.test.OpenSearchTestCase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

public class ProfileWriteQueueTests extends OpenSearchTestCase {

    /** A writer that holds each write until the test lets it land; profiles live in a map. */
    private static final class HeldWriter implements ProfileWriteQueue.Writer {
        final Map<String, Profile> stored = new HashMap<>();
        final List<Map<String, UnaryOperator<Profile>>> writes = new ArrayList<>();
        final List<ActionListener<Map<String, Exception>>> pending = new ArrayList<>();
        final List<Map<String, ProfileStore.Versioned>> knownPerWrite = new ArrayList<>();

        @Override
        public void write(Map<String, UnaryOperator<Profile>> changes, Map<String, ProfileStore.Versioned> known, ActionListener<Map<String, Exception>> listener) {
            writes.add(changes);
            knownPerWrite.add(known);
            pending.add(listener);
        }

        /** Applies and completes the oldest write still held, failing {@code failing} listeners. */
        void land(String... failing) {
            int index = writes.size() - pending.size();
            Map<String, Exception> failures = new HashMap<>();
            writes.get(index).forEach((id, change) -> {
                if (List.of(failing).contains(id)) {
                    failures.put(id, new IllegalStateException("no luck"));
                } else {
                    stored.put(id, change.apply(stored.getOrDefault(id, new Profile(id))));
                }
            });
            pending.remove(0).onResponse(failures);
        }
    }

    /** Holds scheduled tasks until the test runs them. */
    private static final class ManualScheduler implements ProfileWriteQueue.Scheduler {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        @Override
        public void schedule(long delayMillis, Runnable task) {
            delays.add(delayMillis);
            tasks.add(task);
        }

        void runAll() {
            List<Runnable> due = List.copyOf(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    }

    private static UnaryOperator<Profile> count(EventType type) {
        return profile -> {
            profile.counts().merge(type, 1L, Long::sum);
            return profile;
        };
    }

    private static AtomicReference<Map<String, Exception>> submit(ProfileWriteQueue queue, Map<String, UnaryOperator<Profile>> changes) {
        AtomicReference<Map<String, Exception>> result = new AtomicReference<>();
        queue.submit(changes, Map.of(), ActionListener.wrap(result::set, e -> fail(e.toString())));
        return result;
    }

    public void testChangesForAListenerInFlightWaitAndGoTogetherIntoItsNextWrite() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        var first = submit(queue, Map.of("a", count(EventType.PLAY), "b", count(EventType.PLAY)));
        var second = submit(queue, Map.of("a", count(EventType.LIKE), "c", count(EventType.PLAY)));
        var third = submit(queue, Map.of("a", count(EventType.SKIP), "b", count(EventType.LIKE)));
        // a and b are in flight from the first request: only c is written at once
        assertEquals(2, writer.writes.size());
        assertEquals(List.of("c"), List.copyOf(writer.writes.get(1).keySet()));
        writer.land(); // the first write lands: a (like, skip) and b (like) go in one write
        assertEquals(Map.of(), first.get());
        assertNull(second.get());
        assertEquals(3, writer.writes.size());
        assertEquals(java.util.Set.of("a", "b"), writer.writes.get(2).keySet());
        writer.land(); // c
        assertNull("a is not written yet", second.get());
        writer.land();
        assertEquals(Map.of(), second.get());
        assertEquals(Map.of(), third.get());
        assertEquals(Map.of(EventType.PLAY, 1L, EventType.LIKE, 1L, EventType.SKIP, 1L), writer.stored.get("a").counts());
        assertEquals(Map.of(EventType.PLAY, 1L, EventType.LIKE, 1L), writer.stored.get("b").counts());
        assertEquals(Map.of(EventType.PLAY, 1L), writer.stored.get("c").counts());
        assertTrue(writer.pending.isEmpty());
        // nothing in flight any more: the next change is written at once
        submit(queue, Map.of("a", count(EventType.PLAY)));
        assertEquals(4, writer.writes.size());
    }

    public void testAFailedWriteFailsEveryChangeInIt() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        var first = submit(queue, Map.of("a", count(EventType.PLAY)));
        var second = submit(queue, Map.of("a", count(EventType.LIKE), "b", count(EventType.PLAY)));
        var third = submit(queue, Map.of("a", count(EventType.SKIP)));
        writer.land();
        writer.land(); // b
        writer.land("a"); // like and skip, folded into one write, fail together
        assertEquals(Map.of(), first.get());
        assertEquals(List.of("a"), List.copyOf(second.get().keySet()));
        assertEquals(List.of("a"), List.copyOf(third.get().keySet()));
        assertEquals(Map.of(EventType.PLAY, 1L), writer.stored.get("a").counts());
        assertEquals(Map.of(EventType.PLAY, 1L), writer.stored.get("b").counts());
    }

    public void testWhatTheCallerReadIsTheBaseOnlyOfTheWriteItStarts() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        ProfileStore.Versioned read = new ProfileStore.Versioned(new Profile("a"), 3, 1);
        queue.submit(Map.of("a", count(EventType.PLAY)), Map.of("a", read), ActionListener.wrap(r -> {}, e -> fail()));
        queue.submit(Map.of("a", count(EventType.LIKE)), Map.of("a", read), ActionListener.wrap(r -> {}, e -> fail()));
        writer.land();
        assertEquals(Map.of("a", read), writer.knownPerWrite.get(0));
        assertEquals("the next write starts from the version just written", Map.of(), writer.knownPerWrite.get(1));
    }

    public void testDeferredChangesWaitForTheTimedFlushAndFoldIntoOneWritePerListener() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        queue.defer(Map.of("a", count(EventType.PLAY), "b", count(EventType.PLAY)), 1000);
        queue.defer(Map.of("a", count(EventType.LIKE)), 1000);
        assertEquals("nothing written before the flush", 0, writer.writes.size());
        assertEquals("one flush scheduled", List.of(1000L), scheduler.delays);
        assertEquals(2, queue.pendingListeners());
        scheduler.runAll();
        assertEquals(1, writer.writes.size());
        assertEquals(java.util.Set.of("a", "b"), writer.writes.get(0).keySet());
        queue.defer(Map.of("a", count(EventType.SKIP)), 1000); // behind the write in flight
        writer.land();
        assertEquals("the later change waits for the next flush", 1, writer.writes.size());
        scheduler.runAll();
        writer.land();
        assertEquals(Map.of(EventType.PLAY, 1L, EventType.LIKE, 1L, EventType.SKIP, 1L), writer.stored.get("a").counts());
        assertEquals(0, queue.pendingListeners());
    }

    public void testAReadWritesTheListenersDeferredChangesFirst() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        List<String> read = new ArrayList<>();
        queue.flush("a", () -> read.add("nothing waited"));
        assertEquals(List.of("nothing waited"), read);
        queue.defer(Map.of("a", count(EventType.PLAY), "b", count(EventType.PLAY)), 1000);
        queue.flush("a", () -> read.add("a written"));
        assertEquals(List.of("a"), List.copyOf(writer.writes.get(0).keySet()));
        writer.land();
        assertEquals(List.of("nothing waited", "a written"), read);
        assertEquals(Map.of(EventType.PLAY, 1L), writer.stored.get("a").counts());
        assertNull("b still waits for the timed flush", writer.stored.get("b"));
    }

    /** What a stopping node does: every listener's waiting changes are written at once, also those behind a write in flight. */
    public void testFlushingEverythingWritesEveryListenerThenReports() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        List<String> done = new ArrayList<>();
        queue.flushEverything(() -> done.add("nothing waited"));
        assertEquals(List.of("nothing waited"), done);
        queue.defer(Map.of("a", count(EventType.PLAY)), 60_000);
        queue.flush("a", () -> {}); // a's write in flight
        queue.defer(Map.of("a", count(EventType.LIKE), "b", count(EventType.PLAY), "c", count(EventType.SKIP)), 60_000);
        queue.flushEverything(() -> done.add("all written"));
        assertEquals("b and c at once, a behind its write in flight", java.util.Set.of("b", "c"), writer.writes.get(1).keySet());
        writer.land(); // a's first write: its like goes at once, not at the timed flush
        assertEquals(java.util.Set.of("a"), writer.writes.get(2).keySet());
        writer.land();
        assertEquals(List.of("nothing waited"), done);
        writer.land();
        assertEquals(List.of("nothing waited", "all written"), done);
        assertEquals(Map.of(EventType.PLAY, 1L, EventType.LIKE, 1L), writer.stored.get("a").counts());
        assertEquals(Map.of(EventType.SKIP, 1L), writer.stored.get("c").counts());
        assertEquals(0, queue.pendingListeners());
    }

    public void testADeleteDropsWaitingChangesAndWaitsForTheWriteInFlight() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        var inFlight = submit(queue, Map.of("a", count(EventType.PLAY)));
        var waiting = submit(queue, Map.of("a", count(EventType.LIKE)));
        queue.defer(Map.of("a", count(EventType.SKIP)), 1000);
        List<String> deleted = new ArrayList<>();
        assertTrue("changes were dropped", queue.discard("a", () -> deleted.add("a")));
        assertEquals("the waiting change failed", List.of("a"), List.copyOf(waiting.get().keySet()));
        assertEquals("the write in flight is not over", List.of(), deleted);
        writer.land();
        assertEquals(Map.of(), inFlight.get());
        assertEquals(List.of("a"), deleted);
        scheduler.runAll();
        assertEquals("nothing else written", 1, writer.writes.size());
        assertEquals(Map.of(EventType.PLAY, 1L), writer.stored.get("a").counts());
        assertEquals(0, queue.pendingListeners());
        List<String> again = new ArrayList<>();
        assertFalse("nothing held back any more", queue.discard("a", () -> again.add("a")));
        assertEquals(List.of("a"), again);
    }

    /** A lowered delay is not held up by the flush already scheduled with the longer one. */
    public void testAShorterDelaySchedulesAnEarlierFlush() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        queue.defer(Map.of("a", count(EventType.PLAY)), 60_000);
        queue.defer(Map.of("b", count(EventType.PLAY)), 60_000);
        queue.defer(Map.of("c", count(EventType.PLAY)), 5_000);
        queue.defer(Map.of("d", count(EventType.PLAY)), 5_000);
        assertEquals(List.of(60_000L, 5_000L), scheduler.delays);
        scheduler.tasks.get(1).run(); // the 5 s flush comes first and writes everything waiting
        assertEquals(Set.of("a", "b", "c", "d"), writer.writes.get(0).keySet());
    }

    public void testFailedDeferredChangesAreRetriedAtLaterFlushesThenDropped() {
        HeldWriter writer = new HeldWriter();
        ManualScheduler scheduler = new ManualScheduler();
        ProfileWriteQueue queue = new ProfileWriteQueue(writer, scheduler);
        queue.defer(Map.of("a", count(EventType.PLAY)), 1000);
        scheduler.runAll();
        writer.land("a");
        queue.defer(Map.of("a", count(EventType.LIKE)), 1000);
        scheduler.runAll();
        assertEquals(2, writer.writes.size());
        writer.land(); // the retried play, then the like, in one write
        assertEquals(Map.of(EventType.PLAY, 1L, EventType.LIKE, 1L), writer.stored.get("a").counts());
        queue.defer(Map.of("b", count(EventType.PLAY)), 1000);
        for (int attempt = 0; attempt < ProfileWriteQueue.DEFERRED_ATTEMPTS; attempt++) {
            scheduler.runAll();
            writer.land("b");
        }
        scheduler.runAll();
        assertEquals("given up", 0, queue.pendingListeners());
        assertNull(writer.stored.get("b"));
    }
}
