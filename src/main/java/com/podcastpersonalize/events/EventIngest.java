package com.podcastpersonalize.events;

import com.podcastpersonalize.listeners.EpisodeCache;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.EpisodeSource;
import com.podcastpersonalize.listeners.ListenerIndices;
import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.listeners.ProfileConfig;
import com.podcastpersonalize.listeners.ProfileStore;
import com.podcastpersonalize.listeners.ProfileUpdater;
import com.podcastpersonalize.listeners.ResolvedEvent;
import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.TextEmbeddingService;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.search.fetch.subphase.FetchSourceContext;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The events API's work for one request, with a fixed number of round trips whatever its size:
 * one embedding call for all search texts, one multi-get for all episodes and profiles, one bulk
 * for all event documents ({@code op_type=create}, so a retried event is a duplicate, not a second
 * count), and one profile update per listener, folded from all that listener's new events and
 * written in one bulk with optimistic concurrency (see {@link ProfileStore}). When a profile update
 * fails for good, that listener's event documents are deleted again so that a retry counts them.
 * With {@code profile_write_delay} above 0 the request answers once its events are stored and the
 * profile updates are written behind ({@link ProfileStore#updateBehind}), unless the request waits
 * for its profiles ({@code wait_for_profiles}: written through, as with no delay).
 */
public final class EventIngest {

    /** What happened to one event. {@code result} is {@code created} or {@code duplicate} when there is no error. */
    public record Outcome(int index, String id, RestStatus status, String result, Exception error) {}

    private final Client client;
    private final ListenerIndices indices;
    private final ProfileStore profiles;
    private final Supplier<TextEmbeddingService> embeddings;
    private final EpisodeCache episodeCache;
    private final LongSupplier clock;

    public EventIngest(Client client, ListenerIndices indices, ProfileStore profiles, Supplier<TextEmbeddingService> embeddings, EpisodeCache episodeCache,
        LongSupplier clock) {
        this.client = client;
        this.indices = indices;
        this.profiles = profiles;
        this.embeddings = embeddings;
        this.episodeCache = episodeCache;
        this.clock = clock;
    }

    /** Listeners whose profile updates wait on this node to be written (write-behind), or are being written. */
    public int listenersWithProfileUpdatesWaiting() {
        return profiles.listenersWithUpdatesWaiting();
    }

    /** @param waitForProfiles answer only once the listeners' profiles are written, whatever {@code profile_write_delay} */
    public void ingest(List<EventsRequestParser.Slot> slots, boolean waitForProfiles, ActionListener<List<Outcome>> listener) {
        Outcome[] outcomes = new Outcome[slots.size()];
        List<ListenerEvent> valid = new ArrayList<>();
        for (EventsRequestParser.Slot slot : slots) {
            if (slot.error() != null) {
                outcomes[slot.index()] = failure(slot.index(), null, slot.error());
            } else {
                valid.add(slot.event());
            }
        }
        int[] positions = slots.stream().filter(s -> s.error() == null).mapToInt(EventsRequestParser.Slot::index).toArray();
        if (valid.isEmpty()) {
            listener.onResponse(List.of(outcomes));
            return;
        }
        Request request = new Request(valid, positions, outcomes, ProfileConfig.from(indices.settings()), waitForProfiles, listener);
        indices.ensure(ActionListener.wrap(ignored -> request.embedQueries(), listener::onFailure));
    }

    /** The state of one request as it moves through its round trips. */
    private final class Request {
        private final List<ListenerEvent> events;
        private final int[] positions;
        private final Outcome[] outcomes;
        private final ProfileConfig config;
        /** Profile updates written behind: the profiles read are then only checked, never written from. */
        private final boolean writeBehind;
        private final ActionListener<List<Outcome>> listener;
        private final EpisodeSource episodeSource;
        private final String episodesIndex;
        private final String eventsIndex;
        private Map<String, float[]> queryVectors = Map.of();
        private Exception queryFailure;

        Request(List<ListenerEvent> events, int[] positions, Outcome[] outcomes, ProfileConfig config, boolean waitForProfiles,
            ActionListener<List<Outcome>> listener) {
            this.events = events;
            this.positions = positions;
            this.outcomes = outcomes;
            this.config = config;
            this.writeBehind = waitForProfiles == false && indices.settings().get(PodcastSettings.LISTENERS_PROFILE_WRITE_DELAY).millis() > 0;
            this.listener = listener;
            this.episodeSource = EpisodeSource.of(indices.settings());
            this.episodesIndex = indices.episodes();
            this.eventsIndex = indices.events();
        }

        void embedQueries() {
            List<String> queries = List.copyOf(new LinkedHashSet<>(events.stream().filter(e -> e.query() != null).map(ListenerEvent::query).toList()));
            if (queries.isEmpty()) {
                lookUp();
                return;
            }
            embeddings.get().embed(null, queries, InputType.QUERY, ActionListener.wrap(result -> {
                Map<String, float[]> vectors = new HashMap<>();
                for (int i = 0; i < queries.size(); i++) {
                    vectors.put(queries.get(i), result.vectors()[i]);
                }
                queryVectors = vectors;
                lookUp();
            }, e -> {
                queryFailure = e; // search events fail (e.g. 429 when the inference queue is full); the others go on
                lookUp();
            }));
        }

        /** One multi-get: every episode and every listener's profile not in this node's caches. */
        void lookUp() {
            Map<String, Object> episodes = new HashMap<>(); // EpisodeFeatures, or the Exception explaining why there is none
            Map<String, ProfileStore.Versioned> known = new HashMap<>();
            List<String> episodeIds = new ArrayList<>();
            for (String id : new LinkedHashSet<>(events.stream().map(ListenerEvent::episodeId).filter(e -> e != null).toList())) {
                EpisodeFeatures cached = episodeCache.get(episodesIndex, id);
                if (cached != null) {
                    episodes.put(id, cached);
                } else {
                    episodeIds.add(id);
                }
            }
            List<String> listenerIds = new ArrayList<>();
            for (String id : new LinkedHashSet<>(events.stream().map(ListenerEvent::listenerId).toList())) {
                // written through, the profile read is the base of the write (a copy); behind, it is only checked
                ProfileStore.Versioned cached = writeBehind ? profiles.peek(id) : profiles.cached(id);
                if (cached != null) {
                    known.put(id, cached);
                } else {
                    listenerIds.add(id);
                }
            }
            if (episodeIds.isEmpty() && listenerIds.isEmpty()) {
                store(resolve(episodes, known), known);
                return;
            }
            MultiGetRequest mget = new MultiGetRequest();
            FetchSourceContext episodeFields = new FetchSourceContext(true, episodeSource.includes(), null);
            for (String id : episodeIds) {
                mget.add(new MultiGetRequest.Item(episodesIndex, id).fetchSourceContext(episodeFields));
            }
            listenerIds.forEach(id -> profiles.addTo(mget, id));
            client.multiGet(mget, ActionListener.wrap(response -> {
                MultiGetItemResponse[] items = response.getResponses();
                for (int i = 0; i < episodeIds.size(); i++) {
                    Object episode = episode(episodeIds.get(i), items[i]);
                    episodes.put(episodeIds.get(i), episode);
                    if (episode instanceof EpisodeFeatures features) {
                        episodeCache.put(episodesIndex, episodeIds.get(i), features);
                    }
                }
                for (int i = 0; i < listenerIds.size(); i++) {
                    known.put(listenerIds.get(i), ProfileStore.read(listenerIds.get(i), items[episodeIds.size() + i]));
                }
                store(resolve(episodes, known), known);
            }, listener::onFailure));
        }

        private Object episode(String id, MultiGetItemResponse item) {
            if (item.isFailed()) {
                if (item.getFailure().getFailure() instanceof IndexNotFoundException) {
                    return new OpenSearchStatusException(
                        "episode [" + id + "] not found: the episodes index [" + episodesIndex + "] ([plugins.podcast.episodes_index]) does not exist",
                        RestStatus.NOT_FOUND
                    );
                }
                return item.getFailure().getFailure();
            }
            if (!item.getResponse().isExists()) {
                return new OpenSearchStatusException("episode [" + id + "] not found in index [" + episodesIndex + "]", RestStatus.NOT_FOUND);
            }
            return episodeSource.read(item.getResponse().getSourceAsMap());
        }

        /** Resolved events by their position in {@link #events}; the others got an outcome. */
        private Map<Integer, ResolvedEvent> resolve(Map<String, Object> episodes, Map<String, ProfileStore.Versioned> known) {
            Map<Integer, ResolvedEvent> resolved = new LinkedHashMap<>();
            Map<String, Integer> firstById = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                ListenerEvent event = events.get(i);
                int position = positions[i];
                EpisodeFeatures episode = null;
                if (event.episodeId() != null) {
                    Object found = episodes.get(event.episodeId());
                    if (found instanceof Exception e) {
                        outcomes[position] = failure(position, event.id(), e);
                        continue;
                    }
                    episode = (EpisodeFeatures) found;
                }
                float[] queryVector = null;
                if (event.query() != null) {
                    if (queryFailure != null) {
                        outcomes[position] = failure(position, event.id(), queryFailure);
                        continue;
                    }
                    queryVector = queryVectors.get(event.query());
                }
                ResolvedEvent candidate = new ResolvedEvent(event, episode, queryVector);
                String incompatibility = ProfileUpdater.incompatibility(known.get(event.listenerId()).profile(), candidate);
                if (incompatibility != null) {
                    outcomes[position] = failure(position, event.id(), new IllegalArgumentException("[events][" + position + "] " + incompatibility));
                    continue;
                }
                if (firstById.putIfAbsent(event.id(), position) != null) {
                    outcomes[position] = new Outcome(position, event.id(), RestStatus.OK, "duplicate", null);
                    continue;
                }
                resolved.put(i, candidate);
            }
            return resolved;
        }

        /** One bulk of event documents; only the ones created (not already stored) go into profiles. */
        private void store(Map<Integer, ResolvedEvent> resolved, Map<String, ProfileStore.Versioned> known) {
            if (resolved.isEmpty()) {
                done();
                return;
            }
            long receivedAt = clock.getAsLong();
            BulkRequest bulk = new BulkRequest();
            List<Integer> order = new ArrayList<>(resolved.keySet());
            try {
                for (int i : order) {
                    ResolvedEvent event = resolved.get(i);
                    XContentBuilder source = EventDocument.contentBuilder();
                    EventDocument.write(source, event.event(), event.episode(), event.queryVector(), receivedAt);
                    bulk.add(new IndexRequest(eventsIndex).id(event.event().id()).routing(event.event().listenerId())
                        .opType(DocWriteRequest.OpType.CREATE).source(source));
                }
            } catch (IOException e) {
                listener.onFailure(e);
                return;
            }
            client.bulk(bulk, ActionListener.wrap(response -> {
                Map<String, List<Integer>> createdByListener = new LinkedHashMap<>();
                BulkItemResponse[] items = response.getItems();
                for (int k = 0; k < items.length; k++) {
                    int i = order.get(k);
                    ListenerEvent event = events.get(i);
                    if (!items[k].isFailed()) {
                        createdByListener.computeIfAbsent(event.listenerId(), id -> new ArrayList<>()).add(i);
                    } else if (items[k].getFailure().getStatus() == RestStatus.CONFLICT) {
                        outcomes[positions[i]] = new Outcome(positions[i], event.id(), RestStatus.OK, "duplicate", null);
                    } else {
                        outcomes[positions[i]] = failure(positions[i], event.id(), items[k].getFailure().getCause());
                    }
                }
                updateProfiles(resolved, createdByListener, known);
            }, listener::onFailure));
        }

        private void updateProfiles(Map<Integer, ResolvedEvent> resolved, Map<String, List<Integer>> createdByListener, Map<String, ProfileStore.Versioned> known) {
            if (createdByListener.isEmpty()) {
                done();
                return;
            }
            ProfileUpdater updater = new ProfileUpdater(config);
            Map<String, UnaryOperator<Profile>> changes = new LinkedHashMap<>();
            createdByListener.forEach((listenerId, created) -> {
                List<ResolvedEvent> fold = created.stream().map(resolved::get).toList();
                changes.put(listenerId, profile -> {
                    updater.apply(profile, fold);
                    return profile;
                });
            });
            if (writeBehind) {
                // write-behind: the events are stored (the source of truth), their profile update follows
                profiles.updateBehind(changes, indices.settings().get(PodcastSettings.LISTENERS_PROFILE_WRITE_DELAY).millis());
                createdByListener.values().forEach(created -> created.forEach(this::created));
                done();
                return;
            }
            profiles.updateIncrementally(changes, known, ActionListener.wrap(failures -> {
                List<Integer> undo = new ArrayList<>();
                createdByListener.forEach((listenerId, created) -> {
                    Exception failure = failures.get(listenerId);
                    for (int i : created) {
                        ListenerEvent event = events.get(i);
                        if (failure == null) {
                            created(i);
                        } else {
                            undo.add(i);
                            outcomes[positions[i]] = failure(positions[i], event.id(), new OpenSearchStatusException(
                                "the profile of the listener could not be updated (" + failure.getMessage() + "); the event was not kept, retry it",
                                RestStatus.SERVICE_UNAVAILABLE,
                                failure
                            ));
                        }
                    }
                });
                undo(undo);
            }, listener::onFailure)); // never called: the store reports every failure per listener
        }

        private void created(int i) {
            outcomes[positions[i]] = new Outcome(positions[i], events.get(i).id(), RestStatus.CREATED, "created", null);
        }

        /** Deletes event documents whose profile update failed, so that a retry of the request counts them. */
        private void undo(List<Integer> undo) {
            if (undo.isEmpty()) {
                done();
                return;
            }
            BulkRequest bulk = new BulkRequest();
            for (int i : undo) {
                bulk.add(new DeleteRequest(eventsIndex, events.get(i).id()).routing(events.get(i).listenerId()));
            }
            client.bulk(bulk, ActionListener.wrap(response -> done(), listener::onFailure));
        }

        private void done() {
            listener.onResponse(List.of(outcomes));
        }
    }

    private static Outcome failure(int index, String id, Exception error) {
        return new Outcome(index, id, org.opensearch.ExceptionsHelper.status(error), null, error);
    }
}
