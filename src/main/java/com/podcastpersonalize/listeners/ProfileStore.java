package com.podcastpersonalize.listeners;

import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.common.cache.Cache;
import org.opensearch.common.cache.CacheBuilder;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.index.seqno.SequenceNumbers;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Reads and writes profiles with optimistic concurrency: every write carries the sequence number
 * and primary term of the version it was computed from ({@code op_type=create} for a new one), and
 * a write that lost a race is recomputed from a fresh read, until it lands or the retries run out.
 * So concurrent writers for one listener, on any node, never lose an update. Many listeners are
 * updated together: one multi-get and one bulk per round. Incremental changes (events, declared
 * topics) also pass through a {@link ProfileWriteQueue}, so that writers on the same node never race
 * each other and a busy listener's changes are folded into fewer writes.
 */
public final class ProfileStore {

    /** A profile and the version it was read at ({@code seqNo} unassigned: not stored yet). */
    public record Versioned(Profile profile, long seqNo, long primaryTerm) {
        public boolean stored() {
            return seqNo != SequenceNumbers.UNASSIGNED_SEQ_NO;
        }
    }

    private final Client client;
    private final ListenerIndices indices;
    private final LongSupplier clock;
    /** Profiles this node wrote last, as the base of their next update; null when disabled. */
    private final Cache<String, Versioned> cache;
    private final ProfileWriteQueue queue;

    /** @param cacheSize profiles kept in memory as the base of the next update (0: none) */
    public ProfileStore(Client client, ListenerIndices indices, LongSupplier clock, int cacheSize) {
        this.client = client;
        this.indices = indices;
        this.clock = clock;
        this.cache = cacheSize == 0 ? null : CacheBuilder.<String, Versioned>builder().setMaximumWeight(cacheSize).build();
        this.queue = new ProfileWriteQueue((changes, known, listener) -> new Round(
            changes,
            newest(known),
            indices.settings().get(PodcastSettings.LISTENERS_UPDATE_RETRIES),
            WriteRequest.RefreshPolicy.NONE,
            new HashMap<>(),
            listener
        ).run(), (delayMillis, task) -> client.threadPool().schedule(task, TimeValue.timeValueMillis(delayMillis), ThreadPool.Names.GENERIC));
    }

    /**
     * A copy of the profile this node last wrote for {@code storedId}, with its version, or null.
     * It may be stale (another node wrote since): the write's sequence-number check then fails and
     * the update is recomputed from a fresh read, so using it never loses an update.
     */
    public Versioned cached(String storedId) {
        Versioned versioned = cache == null ? null : cache.get(cacheKey(storedId));
        return versioned == null ? null : new Versioned(versioned.profile().copy(), versioned.seqNo(), versioned.primaryTerm());
    }

    /**
     * The profile this node last wrote for {@code storedId}, with its version, or null: the cached
     * object itself, to be read only (a cached profile is never changed in place; writes start from
     * a {@link #cached} copy).
     */
    public Versioned peek(String storedId) {
        return cache == null ? null : cache.get(cacheKey(storedId));
    }

    /** Forgets the cached profile of {@code storedId} (after a delete). */
    public void forget(String storedId) {
        if (cache != null) {
            cache.invalidate(cacheKey(storedId));
        }
    }

    private void remember(String storedId, Versioned versioned) {
        if (cache != null) {
            cache.put(cacheKey(storedId), versioned);
        }
    }

    private String cacheKey(String storedId) {
        return indices.profiles() + '\u0000' + storedId;
    }

    /**
     * The stored profile, or null when there is none (nor a profiles index). Realtime: sees the latest
     * write, after this node's deferred changes for the listener were written (other nodes' deferred
     * changes are not waited for: {@link ListenerFlushAction} does that).
     */
    public void get(String storedId, ActionListener<Versioned> listener) {
        flushLocal(storedId, () -> getStored(storedId, listener));
    }

    /** Calls {@code done} once this node's deferred changes for {@code storedId} were written (or failed); at once when it holds none. */
    public void flushLocal(String storedId, Runnable done) {
        queue.flush(storedId, done);
    }

    /** The stored profile, or null, as it is now (realtime get), without writing any deferred change first. */
    public void getStored(String storedId, ActionListener<Versioned> listener) {
        client.get(new GetRequest(indices.profiles(), storedId), ActionListener.wrap(
            response -> listener.onResponse(response.isExists() ? new Versioned(ProfileCodec.read(response.getSourceAsMap()), response.getSeqNo(), response.getPrimaryTerm()) : null),
            e -> {
                if (e instanceof IndexNotFoundException) {
                    listener.onResponse(null);
                } else {
                    listener.onFailure(e);
                }
            }
        ));
    }

    /** Adds a get of {@code storedId} to a multi-get (shared with other lookups of the same request). */
    public void addTo(MultiGetRequest request, String storedId) {
        request.add(new MultiGetRequest.Item(indices.profiles(), storedId));
    }

    /**
     * The profile in a multi-get item: the stored one, or a new empty one when there is none. A
     * failed read (a shard just starting) also gives a new one: harmless, because a new profile is
     * written with {@code op_type=create}, which fails with a conflict when one exists, and the
     * update is then recomputed from a fresh read.
     */
    public static Versioned read(String storedId, MultiGetItemResponse item) {
        if (item.isFailed() || !item.getResponse().isExists()) {
            return new Versioned(new Profile(storedId), SequenceNumbers.UNASSIGNED_SEQ_NO, SequenceNumbers.UNASSIGNED_PRIMARY_TERM);
        }
        var response = item.getResponse();
        return new Versioned(ProfileCodec.read(response.getSourceAsMap()), response.getSeqNo(), response.getPrimaryTerm());
    }

    /**
     * Applies {@code changes} (per stored listener id; each gets the current profile, new and empty
     * when none exists, and returns the one to store) and writes the results. {@code known} holds
     * profiles already read in this request (may be empty): the first round uses them instead of
     * reading again. Completes with the listeners whose update failed, and why (empty: all written);
     * it never fails as a whole, so that callers know exactly which updates were written.
     */
    public void update(Map<String, UnaryOperator<Profile>> changes, Map<String, Versioned> known, int attempts, WriteRequest.RefreshPolicy refresh,
        ActionListener<Map<String, Exception>> listener) {
        new Round(changes, new HashMap<>(known), attempts, refresh, new HashMap<>(), listener).run();
    }

    /**
     * Applies incremental {@code changes} (each gets the current profile and changes it; applying it
     * to a later version is as right as to the one read) through the {@link ProfileWriteQueue}: after
     * the write in flight for the same listener, if any. {@code known} as for {@link #update}.
     */
    public void updateIncrementally(Map<String, UnaryOperator<Profile>> changes, Map<String, Versioned> known, ActionListener<Map<String, Exception>> listener) {
        queue.submit(changes, known, listener);
    }

    /**
     * Write-behind: queues incremental {@code changes} for the next timed flush, {@code delayMillis}
     * from now at the latest, nobody waiting for them. A failed write is retried at later flushes.
     */
    public void updateBehind(Map<String, UnaryOperator<Profile>> changes, long delayMillis) {
        queue.defer(changes, delayMillis);
    }

    /**
     * Writes every change this node holds back, for every listener, and waits up to {@code timeoutMillis}
     * for them to land. Returns whether they did (false: some were still being written when the time was up).
     */
    public boolean flushEverything(long timeoutMillis) throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        queue.flushEverything(written::countDown);
        return written.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Listeners with changes waiting on this node or being written. */
    public int listenersWithUpdatesWaiting() {
        return queue.pendingListeners();
    }

    /**
     * Before a delete: drops this node's changes still waiting for {@code storedId} (those waited
     * for fail), forgets its cached profile, and calls {@code done} once its write in flight has
     * landed. Returns whether any change was dropped.
     */
    public boolean discard(String storedId, Runnable done) {
        return queue.discard(storedId, () -> {
            forget(storedId);
            done.run();
        });
    }

    /** {@code known}, with the cached version instead where this node has written a later one since. */
    private Map<String, Versioned> newest(Map<String, Versioned> known) {
        Map<String, Versioned> newest = new HashMap<>(known);
        known.forEach((id, versioned) -> {
            Versioned cachedCopy = cache == null ? null : cache.get(cacheKey(id));
            if (cachedCopy != null && cachedCopy.primaryTerm() >= versioned.primaryTerm() && cachedCopy.seqNo() > versioned.seqNo()) {
                newest.put(id, cached(id));
            }
        });
        return newest;
    }

    private final class Round {
        private final Map<String, UnaryOperator<Profile>> pending;
        private final Map<String, Versioned> known;
        private final int attemptsLeft;
        private final WriteRequest.RefreshPolicy refresh;
        private final Map<String, Exception> failures;
        private final ActionListener<Map<String, Exception>> listener;

        Round(Map<String, UnaryOperator<Profile>> pending, Map<String, Versioned> known, int attemptsLeft, WriteRequest.RefreshPolicy refresh,
            Map<String, Exception> failures, ActionListener<Map<String, Exception>> listener) {
            this.pending = pending;
            this.known = known;
            this.attemptsLeft = attemptsLeft;
            this.refresh = refresh;
            this.failures = failures;
            this.listener = listener;
        }

        void run() {
            for (String id : pending.keySet()) {
                Versioned cachedCopy = known.containsKey(id) ? null : cached(id);
                if (cachedCopy != null) {
                    known.put(id, cachedCopy);
                }
            }
            List<String> unread = pending.keySet().stream().filter(id -> !known.containsKey(id)).toList();
            if (unread.isEmpty()) {
                write();
                return;
            }
            MultiGetRequest mget = new MultiGetRequest();
            unread.forEach(id -> addTo(mget, id));
            client.multiGet(mget, ActionListener.wrap(response -> {
                for (int i = 0; i < unread.size(); i++) {
                    known.put(unread.get(i), read(unread.get(i), response.getResponses()[i]));
                }
                write();
            }, e -> failAll(pending.keySet(), e)));
        }

        private void write() {
            if (pending.isEmpty()) {
                listener.onResponse(failures);
                return;
            }
            BulkRequest bulk = new BulkRequest().setRefreshPolicy(refresh);
            List<String> order = List.copyOf(pending.keySet());
            Map<String, Profile> changedById = new HashMap<>();
            for (String id : order) {
                try {
                    Versioned current = known.get(id);
                    Profile changed = pending.get(id).apply(current.profile());
                    changed.updatedAt(clock.getAsLong());
                    changedById.put(id, changed);
                    bulk.add(indexRequest(id, changed, current));
                } catch (RuntimeException | IOException e) {
                    failures.put(id, e instanceof Exception ex ? ex : new RuntimeException(e));
                    pending.remove(id);
                }
            }
            if (bulk.numberOfActions() == 0) {
                listener.onResponse(failures);
                return;
            }
            List<String> written = order.stream().filter(pending::containsKey).toList();
            client.bulk(bulk, ActionListener.wrap(response -> {
                Map<String, UnaryOperator<Profile>> retry = new LinkedHashMap<>();
                BulkItemResponse[] items = response.getItems();
                for (int i = 0; i < items.length; i++) {
                    String id = written.get(i);
                    if (!items[i].isFailed()) {
                        remember(id, new Versioned(changedById.get(id), items[i].getResponse().getSeqNo(), items[i].getResponse().getPrimaryTerm()));
                        continue;
                    }
                    forget(id);
                    if (items[i].getFailure().getStatus() == RestStatus.CONFLICT && attemptsLeft > 1) {
                        retry.put(id, pending.get(id));
                        known.remove(id); // read again: someone else wrote since
                    } else {
                        failures.put(id, items[i].getFailure().getCause());
                    }
                }
                if (retry.isEmpty()) {
                    listener.onResponse(failures);
                } else {
                    new Round(retry, known, attemptsLeft - 1, refresh, failures, listener).run();
                }
            }, e -> failAll(written, e)));
        }

        /** The whole read or write failed (e.g. rejected): none of {@code ids} was written in this round. */
        private void failAll(java.util.Collection<String> ids, Exception e) {
            for (String id : List.copyOf(ids)) {
                failures.put(id, e);
                forget(id);
            }
            listener.onResponse(failures);
        }
    }

    private IndexRequest indexRequest(String id, Profile profile, Versioned read) throws IOException {
        XContentBuilder source = ProfileCodec.contentBuilder();
        ProfileCodec.write(profile, source);
        IndexRequest request = new IndexRequest(indices.profiles()).id(id).source(source);
        if (read.stored()) {
            request.setIfSeqNo(read.seqNo()).setIfPrimaryTerm(read.primaryTerm());
        } else {
            request.opType(DocWriteRequest.OpType.CREATE);
        }
        return request;
    }
}
