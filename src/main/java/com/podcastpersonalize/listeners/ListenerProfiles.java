package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventDocument;
import com.podcastpersonalize.events.ListenerEvent;
import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.TextEmbeddingService;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.admin.indices.refresh.RefreshRequest;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.fetch.subphase.FetchSourceContext;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The listener API's work beyond events: cold-start topics, reading a profile, forgetting a
 * listener (profile and every stored event), and rebuilding a profile from the stored events.
 */
public final class ListenerProfiles {

    static final int PAGE = 1000;
    /** Rebuilds restarted when an event lands meanwhile (the profile changed under the rebuild). */
    static final int REBUILD_ATTEMPTS = 5;

    /** What a rebuild did. */
    public record Rebuilt(Profile profile, int eventsReplayed) {}

    /**
     * What a delete removed ({@code profileDeleted}: a stored profile, or updates some node held back
     * for it); {@code eventsRemaining} is counted after the last refresh (0 unless writes raced the delete).
     */
    public record Deleted(boolean profileDeleted, long eventsDeleted, long eventsRemaining) {}

    private final Client client;
    private final ListenerIndices indices;
    private final ProfileStore store;
    private final Supplier<TextEmbeddingService> embeddings;

    public ListenerProfiles(Client client, ListenerIndices indices, ProfileStore store, Supplier<TextEmbeddingService> embeddings) {
        this.client = client;
        this.indices = indices;
        this.store = store;
        this.embeddings = embeddings;
    }

    /** Sets the listener's declared topics (their labels embedded as queries), creating the profile when needed. */
    public void declare(String storedId, List<String> topics, ActionListener<Profile> listener) {
        ActionListener<List<Profile.DeclaredTopic>> withVectors = ActionListener.wrap(declared -> indices.ensure(ActionListener.wrap(ignored -> {
            Profile[] written = new Profile[1];
            store.updateIncrementally(Map.of(storedId, profile -> {
                profile.declaredTopics(declared);
                written[0] = profile;
                return profile;
            }), Map.of(), ActionListener.wrap(failures -> {
                if (failures.isEmpty()) {
                    listener.onResponse(written[0]);
                } else {
                    listener.onFailure(failures.get(storedId));
                }
            }, listener::onFailure));
        }, listener::onFailure)), listener::onFailure);
        if (topics.isEmpty()) {
            withVectors.onResponse(List.of());
            return;
        }
        embeddings.get().embed(null, topics, InputType.QUERY, ActionListener.wrap(result -> {
            List<Profile.DeclaredTopic> declared = new ArrayList<>();
            for (int i = 0; i < topics.size(); i++) {
                declared.add(new Profile.DeclaredTopic(topics.get(i), result.vectors()[i]));
            }
            withVectors.onResponse(declared);
        }, listener::onFailure));
    }

    /** The stored profile, or null, once every node has written the changes it held back for the listener. */
    public void get(String storedId, ActionListener<Profile> listener) {
        everyNode(storedId, ListenerFlushAction.Mode.FLUSH, ActionListener.wrap(
            flushed -> store.getStored(storedId, ActionListener.wrap(versioned -> listener.onResponse(versioned == null ? null : versioned.profile()), listener::onFailure)),
            listener::onFailure
        ));
    }

    /**
     * Deletes the profile and every stored event of the listener, then checks that no event is left.
     * Every node drops the profile changes it holds back for the listener (write-behind) before the
     * profile is deleted, and again after the events are gone (a request that stored events just
     * before the delete may have deferred its change meanwhile), then the profile is deleted once more.
     * A node that could not confirm might still write a held-back change later: only then is the
     * profile deleted a third time, after twice {@code profile_write_delay}.
     */
    public void delete(String storedId, ActionListener<Deleted> listener) {
        everyNode(storedId, ListenerFlushAction.Mode.DISCARD, ActionListener.wrap(first -> deleteProfile(storedId, ActionListener.wrap(
            deleted -> deleteEvents(storedId, 0, ActionListener.wrap(
                counts -> deleteAgain(storedId, new Deleted(deleted || first.dropped(), counts[0], counts[1]), first.unconfirmed().isEmpty() == false, listener),
                listener::onFailure
            )),
            listener::onFailure
        )), listener::onFailure));
    }

    /** After the events are gone: every node drops what it holds back for the listener once more, and the profile is deleted again. */
    private void deleteAgain(String storedId, Deleted result, boolean unconfirmedBefore, ActionListener<Deleted> listener) {
        everyNode(storedId, ListenerFlushAction.Mode.DISCARD, ActionListener.wrap(second -> deleteProfile(storedId, ActionListener.wrap(again -> {
            Deleted deleted = new Deleted(result.profileDeleted() || second.dropped() || again, result.eventsDeleted(), result.eventsRemaining());
            if (unconfirmedBefore || second.unconfirmed().isEmpty() == false) {
                deleteAfterDelay(storedId, deleted, listener);
            } else {
                listener.onResponse(deleted);
            }
        }, listener::onFailure)), listener::onFailure));
    }

    /** A node did not confirm that it dropped the listener's held-back changes: delete the profile again once they would have been written. */
    private void deleteAfterDelay(String storedId, Deleted result, ActionListener<Deleted> listener) {
        long writeDelay = indices.settings().get(PodcastSettings.LISTENERS_PROFILE_WRITE_DELAY).millis();
        client.threadPool().schedule(
            () -> deleteProfile(storedId, ActionListener.wrap(
                again -> listener.onResponse(new Deleted(result.profileDeleted() || again, result.eventsDeleted(), result.eventsRemaining())),
                listener::onFailure
            )),
            TimeValue.timeValueMillis(Math.max(1, 2 * writeDelay)),
            ThreadPool.Names.GENERIC
        );
    }

    /** What the nodes answered: whether any dropped held-back changes, and the nodes that could not confirm (empty: all did). */
    private record Broadcast(boolean dropped, List<String> unconfirmed) {}

    /** Asks every node to write ({@code FLUSH}) or drop ({@code DISCARD}) what it holds back for the listener. */
    private void everyNode(String storedId, ListenerFlushAction.Mode mode, ActionListener<Broadcast> listener) {
        client.execute(ListenerFlushAction.INSTANCE, new ListenerFlushAction.Request(storedId, mode), ActionListener.wrap(
            response -> listener.onResponse(new Broadcast(
                response.dropped(),
                response.failures().stream().map(f -> f.nodeId() + ": " + f.getDetailedMessage()).toList()
            )),
            listener::onFailure
        ));
    }

    private void deleteProfile(String storedId, ActionListener<Boolean> listener) {
        String profiles = indices.profiles();
        if (!indices.exists(profiles)) {
            listener.onResponse(false);
            return;
        }
        client.delete(new DeleteRequest(profiles, storedId).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE), ActionListener.wrap(
            response -> listener.onResponse(response.getResult() == org.opensearch.action.DocWriteResponse.Result.DELETED),
            listener::onFailure
        ));
    }

    /** Refresh, find a page of the listener's events, delete it (refreshing every copy), until a search finds none. */
    private void deleteEvents(String storedId, long deletedSoFar, ActionListener<long[]> listener) {
        String events = indices.events();
        if (!indices.exists(events)) {
            listener.onResponse(new long[] { deletedSoFar, 0 });
            return;
        }
        client.admin().indices().refresh(new RefreshRequest(events), ActionListener.wrap(refreshed -> {
            SearchRequest search = new SearchRequest(events).routing(storedId).source(
                new SearchSourceBuilder().query(QueryBuilders.termQuery(EventDocument.LISTENER_ID, storedId)).size(PAGE).fetchSource(false).trackTotalHits(true)
            );
            client.search(search, ActionListener.wrap(response -> {
                if (incomplete(response, listener)) {
                    return;
                }
                SearchHit[] hits = response.getHits().getHits();
                if (hits.length == 0) {
                    listener.onResponse(new long[] { deletedSoFar, response.getHits().getTotalHits().value() });
                    return;
                }
                BulkRequest bulk = new BulkRequest().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
                for (SearchHit hit : hits) {
                    bulk.add(new DeleteRequest(events, hit.getId()).routing(storedId));
                }
                client.bulk(bulk, ActionListener.wrap(deleted -> {
                    if (deleted.hasFailures()) {
                        listener.onFailure(new OpenSearchStatusException("could not delete every event: " + deleted.buildFailureMessage(), RestStatus.INTERNAL_SERVER_ERROR));
                    } else {
                        deleteEvents(storedId, deletedSoFar + hits.length, listener);
                    }
                }, listener::onFailure));
            }, listener::onFailure));
        }, listener::onFailure));
    }

    /** Recomputes the profile from the stored events (keeping its declared topics) and stores it. */
    public void rebuild(String storedId, ActionListener<Rebuilt> listener) {
        rebuild(storedId, REBUILD_ATTEMPTS, listener);
    }

    private void rebuild(String storedId, int attemptsLeft, ActionListener<Rebuilt> listener) {
        String events = indices.events();
        if (!indices.exists(events)) {
            listener.onFailure(new OpenSearchStatusException("listener has no stored events: the events index [" + events + "] does not exist", RestStatus.NOT_FOUND));
            return;
        }
        everyNode(storedId, ListenerFlushAction.Mode.FLUSH, ActionListener.wrap(flushed -> {
            if (flushed.unconfirmed().isEmpty() == false) {
                // a held-back change written after the rebuild would count its events twice
                listener.onFailure(new OpenSearchStatusException(
                    "could not make every node write the profile updates it holds back for the listener; retry: " + flushed.unconfirmed(),
                    RestStatus.SERVICE_UNAVAILABLE
                ));
                return;
            }
            store.getStored(storedId, ActionListener.wrap(current -> rebuildFrom(storedId, current, events, attemptsLeft, listener), listener::onFailure));
        }, listener::onFailure));
    }

    private void rebuildFrom(String storedId, ProfileStore.Versioned current, String events, int attemptsLeft, ActionListener<Rebuilt> listener) {
        if (current == null) {
            listener.onFailure(new OpenSearchStatusException("no profile for this listener", RestStatus.NOT_FOUND));
            return;
        }
        client.admin().indices().refresh(new RefreshRequest(events), ActionListener.wrap(
            refreshed -> collect(events, storedId, new ArrayList<>(), null, ActionListener.wrap(
                stored -> resolveAndWrite(storedId, current, stored, attemptsLeft, listener),
                listener::onFailure
            )),
            listener::onFailure
        ));
    }

    /** Pages through the listener's events in apply order ({@code @timestamp}, then event id). */
    private void collect(String events, String storedId, List<Map<String, Object>> sources, Object[] after, ActionListener<List<Map<String, Object>>> listener) {
        int max = indices.settings().get(PodcastSettings.LISTENERS_REBUILD_MAX_EVENTS);
        SearchSourceBuilder source = new SearchSourceBuilder().query(QueryBuilders.termQuery(EventDocument.LISTENER_ID, storedId))
            .size(PAGE)
            .sort(EventDocument.TIMESTAMP, SortOrder.ASC)
            .sort(EventDocument.EVENT_ID, SortOrder.ASC);
        if (after != null) {
            source.searchAfter(after);
        }
        client.search(new SearchRequest(events).routing(storedId).source(source), ActionListener.wrap(response -> {
            if (incomplete(response, listener)) {
                return;
            }
            SearchHit[] hits = response.getHits().getHits();
            for (SearchHit hit : hits) {
                sources.add(hit.getSourceAsMap());
            }
            if (sources.size() > max) {
                listener.onFailure(new OpenSearchStatusException(
                    "the listener has more than " + max + " stored events, the limit of [plugins.podcast.listeners.rebuild_max_events]",
                    RestStatus.BAD_REQUEST
                ));
            } else if (hits.length < PAGE) {
                listener.onResponse(sources);
            } else {
                collect(events, storedId, sources, hits[hits.length - 1].getSortValues(), listener);
            }
        }, listener::onFailure));
    }

    private void resolveAndWrite(String storedId, ProfileStore.Versioned current, List<Map<String, Object>> sources, int attemptsLeft, ActionListener<Rebuilt> listener) {
        EpisodeSource episodeSource = EpisodeSource.of(indices.settings());
        List<ListenerEvent> events = sources.stream().map(EventDocument::event).toList();
        List<String> episodeIds = List.copyOf(new LinkedHashSet<>(events.stream().map(ListenerEvent::episodeId).filter(id -> id != null).toList()));
        ActionListener<Map<String, EpisodeFeatures>> withEpisodes = ActionListener.wrap(episodes -> {
            List<ResolvedEvent> resolved = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                ListenerEvent event = events.get(i);
                resolved.add(new ResolvedEvent(event, event.episodeId() == null ? null : episodes.get(event.episodeId()), EventDocument.queryVector(sources.get(i))));
            }
            ProfileUpdater updater = new ProfileUpdater(ProfileConfig.from(indices.settings()));
            Profile[] written = new Profile[1];
            store.update(Map.of(storedId, stored -> {
                Profile fresh = stored.emptyCopy();
                updater.apply(fresh, resolved);
                written[0] = fresh;
                return fresh;
            }), Map.of(storedId, current), 1, WriteRequest.RefreshPolicy.NONE, ActionListener.wrap(failures -> {
                Exception failure = failures.get(storedId);
                if (failure == null) {
                    listener.onResponse(new Rebuilt(written[0], events.size()));
                } else if (org.opensearch.ExceptionsHelper.status(failure) == RestStatus.CONFLICT && attemptsLeft > 1) {
                    rebuild(storedId, attemptsLeft - 1, listener); // events arrived meanwhile: read them too
                } else {
                    listener.onFailure(failure);
                }
            }, listener::onFailure));
        }, listener::onFailure);
        if (episodeIds.isEmpty()) {
            withEpisodes.onResponse(Map.of());
            return;
        }
        MultiGetRequest mget = new MultiGetRequest();
        FetchSourceContext fields = new FetchSourceContext(true, episodeSource.includes(), null);
        String episodesIndex = indices.episodes();
        episodeIds.forEach(id -> mget.add(new MultiGetRequest.Item(episodesIndex, id).fetchSourceContext(fields)));
        client.multiGet(mget, ActionListener.wrap(response -> {
            Map<String, EpisodeFeatures> episodes = new HashMap<>();
            MultiGetItemResponse[] items = response.getResponses();
            for (int i = 0; i < items.length; i++) {
                if (!items[i].isFailed() && items[i].getResponse().isExists()) {
                    episodes.put(episodeIds.get(i), episodeSource.read(items[i].getResponse().getSourceAsMap()));
                } else if (items[i].isFailed() && !(items[i].getFailure().getFailure() instanceof IndexNotFoundException)) {
                    listener.onFailure(items[i].getFailure().getFailure());
                    return;
                }
            }
            withEpisodes.onResponse(episodes);
        }, listener::onFailure));
    }

    /** A search that missed a shard cannot prove that no event is left (nor list them all): it fails the request. */
    private static boolean incomplete(SearchResponse response, ActionListener<?> listener) {
        if (response.getFailedShards() > 0 || response.getSuccessfulShards() == 0) {
            listener.onFailure(new OpenSearchStatusException(
                "the events of the listener could not be read from every shard (" + response.getFailedShards() + " failed); retry",
                RestStatus.SERVICE_UNAVAILABLE
            ));
            return true;
        }
        return false;
    }
}
