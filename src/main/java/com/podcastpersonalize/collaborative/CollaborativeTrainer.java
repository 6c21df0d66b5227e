package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.events.EventDocument;
import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.StoredEventScan;
import com.podcastpersonalize.listeners.EventWeights;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.admin.indices.alias.IndicesAliasesRequest;
import org.opensearch.action.admin.indices.create.CreateIndexRequest;
import org.opensearch.action.admin.indices.delete.DeleteIndexRequest;
import org.opensearch.action.admin.indices.refresh.RefreshRequest;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.fetch.subphase.FetchSourceContext;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Trains the collaborative model from the stored events: reads them ({@link StoredEventScan}), folds each listener's
 * likes ({@link ListenerLikes}), computes every episode's neighbours ({@link ItemSimilarities}) on the
 * training thread pool, writes them with the episodes' titles into a new generation index and moves
 * the alias to it, removing the previous generation in the same atomic alias change. One training
 * at a time per node; a failed training leaves the previous model in use.
 */
public final class CollaborativeTrainer {

    static final int BULK_SIZE = 1000;
    private static final String TITLE_FIELD = "title";

    private final Client client;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;
    private final String executor;
    private final LongSupplier clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public CollaborativeTrainer(Client client, ClusterService clusterService, ThreadPool threadPool, String executor, LongSupplier clock) {
        this.client = client;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
        this.executor = executor;
        this.clock = clock;
    }

    public void train(CollaborativeTraining.Parameters parameters, ActionListener<CollaborativeTraining.Result> listener) {
        if (!running.compareAndSet(false, true)) {
            listener.onFailure(new OpenSearchStatusException("a collaborative training is already running on this node", RestStatus.CONFLICT));
            return;
        }
        ActionListener<CollaborativeTraining.Result> done = ActionListener.runBefore(listener, () -> running.set(false));
        ClusterSettings settings = clusterService.getClusterSettings();
        String events = settings.get(PodcastSettings.LISTENERS_EVENTS_INDEX);
        String alias = settings.get(PodcastSettings.COLLABORATIVE_INDEX);
        var metadata = clusterService.state().metadata();
        if (!metadata.hasIndex(events) && !metadata.hasAlias(events)) {
            done.onFailure(new IllegalArgumentException("no listening events to learn from: index [" + events + "] does not exist yet"));
            return;
        }
        if (metadata.hasIndex(alias)) {
            done.onFailure(new IllegalArgumentException("[" + alias + "] is an index, not the alias of a collaborative model; delete it or set [" + PodcastSettings.COLLABORATIVE_INDEX.getKey() + "]"));
            return;
        }
        long startedAt = clock.getAsLong();
        ListenerLikes likes = new ListenerLikes();
        BoolQueryBuilder query = QueryBuilders.boolQuery().filter(QueryBuilders.existsQuery(EventDocument.EPISODE_ID));
        if (parameters.filter() != null) {
            query.filter(parameters.filter());
        }
        String[] fields = { EventDocument.LISTENER_ID, EventDocument.EPISODE_ID, EventDocument.TYPE, EventDocument.FRACTION, EventDocument.TIMESTAMP };
        new StoredEventScan(client).scan(events, query, fields, event -> fold(likes, event), () -> false, ActionListener.wrap(
            read -> threadPool.executor(executor).execute(() -> learn(likes, parameters, alias, startedAt, done)),
            done::onFailure
        ));
    }

    private static void fold(ListenerLikes likes, Map<String, Object> event) {
        Object listener = event.get(EventDocument.LISTENER_ID);
        Object episode = event.get(EventDocument.EPISODE_ID);
        Object type = event.get(EventDocument.TYPE);
        if (!(listener instanceof String) || !(episode instanceof String) || !(type instanceof String) || !(event.get(EventDocument.TIMESTAMP) instanceof Number time)) {
            return; // not written by the events API
        }
        Double fraction = event.get(EventDocument.FRACTION) instanceof Number number ? number.doubleValue() : null;
        likes.add((String) listener, (String) episode, time.longValue(), EventWeights.weight(EventType.parse((String) type), fraction));
    }

    private void learn(ListenerLikes likes, CollaborativeTraining.Parameters parameters, String alias, long startedAt, ActionListener<CollaborativeTraining.Result> done) {
        try {
            List<List<String>> liked = likes.liked(parameters.maxLikesPerListener());
            List<ItemSimilarities.Neighbours> neighbours = ItemSimilarities.compute(liked, parameters.maxNeighbours(), parameters.minCoListeners());
            if (neighbours.isEmpty()) {
                done.onFailure(new IllegalArgumentException(
                    "nothing to learn: in " + likes.events() + " events of " + likes.listeners() + " listeners no two listeners liked the same two episodes"
                        + (parameters.minCoListeners() > 1 ? " at least " + parameters.minCoListeners() + " times" : "")
                ));
                return;
            }
            long links = neighbours.stream().mapToLong(n -> n.ids().length).sum();
            long trainedAt = clock.getAsLong();
            CollaborativeTraining.Result result = new CollaborativeTraining.Result(
                CollaborativeModelIndex.generation(alias, trainedAt),
                trainedAt,
                0,
                likes.events(),
                likes.listeners(),
                liked.size(),
                neighbours.size(),
                links,
                parameters
            );
            titles(neighbours, ActionListener.wrap(titles -> store(neighbours, titles, alias, result, startedAt, done), done::onFailure));
        } catch (RuntimeException e) {
            done.onFailure(e);
        }
    }

    /** Episode titles from the episodes index, for explanations ("listeners of 'X' also liked this"); ids where none. */
    private void titles(List<ItemSimilarities.Neighbours> neighbours, ActionListener<Map<String, String>> listener) {
        String episodes = clusterService.getClusterSettings().get(PodcastSettings.EPISODES_INDEX);
        var metadata = clusterService.state().metadata();
        if (!metadata.hasIndex(episodes) && !metadata.hasAlias(episodes)) {
            listener.onResponse(Map.of());
            return;
        }
        Map<String, String> titles = new HashMap<>();
        titlesFrom(episodes, neighbours, 0, titles, listener);
    }

    private void titlesFrom(String episodes, List<ItemSimilarities.Neighbours> neighbours, int from, Map<String, String> titles, ActionListener<Map<String, String>> listener) {
        if (from >= neighbours.size()) {
            listener.onResponse(titles);
            return;
        }
        MultiGetRequest request = new MultiGetRequest().realtime(false);
        FetchSourceContext titleOnly = new FetchSourceContext(true, new String[] { TITLE_FIELD }, null);
        int to = Math.min(from + BULK_SIZE, neighbours.size());
        for (ItemSimilarities.Neighbours n : neighbours.subList(from, to)) {
            request.add(new MultiGetRequest.Item(episodes, n.episodeId()).fetchSourceContext(titleOnly));
        }
        client.multiGet(request, ActionListener.wrap(response -> {
            for (MultiGetItemResponse item : response.getResponses()) {
                if (!item.isFailed() && item.getResponse().isExists() && item.getResponse().getSourceAsMap().get(TITLE_FIELD) instanceof String title) {
                    titles.put(item.getId(), title);
                }
            }
            titlesFrom(episodes, neighbours, to, titles, listener);
        }, listener::onFailure));
    }

    private void store(
        List<ItemSimilarities.Neighbours> neighbours,
        Map<String, String> titles,
        String alias,
        CollaborativeTraining.Result figures,
        long startedAt,
        ActionListener<CollaborativeTraining.Result> done
    ) {
        CollaborativeTraining.Result result = new CollaborativeTraining.Result(
            figures.index(), figures.trainedAt(), clock.getAsLong() - startedAt, figures.events(), figures.listeners(),
            figures.listenersWithLikes(), figures.episodesWithNeighbours(), figures.neighbourLinks(), figures.parameters()
        );
        String index = result.index();
        Settings indexSettings = Settings.builder()
            .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1)
            .put(IndexMetadata.SETTING_AUTO_EXPAND_REPLICAS, clusterService.getClusterSettings().get(PodcastSettings.LISTENERS_INDEX_AUTO_EXPAND_REPLICAS))
            .build();
        ActionListener<CollaborativeTraining.Result> cleanUpOnFailure = ActionListener.wrap(done::onResponse, e -> client.admin().indices().delete(
            new DeleteIndexRequest(index),
            ActionListener.wrap(r -> done.onFailure(e), cleanUpFailure -> {
                e.addSuppressed(cleanUpFailure);
                done.onFailure(e);
            })
        ));
        client.admin().indices().create(
            new CreateIndexRequest(index).settings(indexSettings).mapping(CollaborativeModelIndex.mapping(result.asMeta())).waitForActiveShards(1),
            ActionListener.wrap(created -> writeFrom(index, neighbours, titles, 0, ActionListener.wrap(
                written -> client.admin().indices().refresh(new RefreshRequest(index), ActionListener.wrap(
                    refreshed -> moveAlias(alias, index, ActionListener.wrap(moved -> cleanUpOnFailure.onResponse(result), cleanUpOnFailure::onFailure)),
                    cleanUpOnFailure::onFailure
                )),
                cleanUpOnFailure::onFailure
            )), done::onFailure)
        );
    }

    private void writeFrom(String index, List<ItemSimilarities.Neighbours> neighbours, Map<String, String> titles, int from, ActionListener<Void> listener) {
        if (from >= neighbours.size()) {
            listener.onResponse(null);
            return;
        }
        int to = Math.min(from + BULK_SIZE, neighbours.size());
        BulkRequest bulk = new BulkRequest();
        try {
            for (ItemSimilarities.Neighbours n : neighbours.subList(from, to)) {
                bulk.add(new IndexRequest(index).id(n.episodeId()).source(CollaborativeModelIndex.document(n, titles.getOrDefault(n.episodeId(), n.episodeId()))));
            }
        } catch (IOException e) {
            listener.onFailure(e);
            return;
        }
        client.bulk(bulk, ActionListener.wrap(response -> {
            if (response.hasFailures()) {
                listener.onFailure(new IllegalStateException("writing the collaborative model failed: " + response.buildFailureMessage()));
            } else {
                writeFrom(index, neighbours, titles, to, listener);
            }
        }, listener::onFailure));
    }

    /** Points the alias at {@code index} and removes the previous generations, in one atomic change. */
    private void moveAlias(String alias, String index, ActionListener<Void> listener) {
        IndicesAliasesRequest request = new IndicesAliasesRequest();
        request.addAliasAction(IndicesAliasesRequest.AliasActions.add().index(index).alias(alias));
        List<String> previous = new ArrayList<>();
        for (String existing : clusterService.state().metadata().getConcreteAllIndices()) {
            if (existing.startsWith(alias + "-") && !existing.equals(index) && existing.substring(alias.length() + 1).chars().allMatch(Character::isDigit)) {
                previous.add(existing);
            }
        }
        for (String old : previous) {
            request.addAliasAction(IndicesAliasesRequest.AliasActions.removeIndex().index(old));
        }
        client.admin().indices().aliases(request, ActionListener.wrap(r -> listener.onResponse(null), listener::onFailure));
    }
}
