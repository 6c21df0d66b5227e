package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.query.ListenerInterests.CollaborativeCandidate;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.cluster.metadata.Metadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.cache.Cache;
import org.opensearch.common.cache.CacheBuilder;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;
import org.opensearch.transport.client.Client;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a listener's collaborative candidates at query time: their latest liked episodes (from the
 * profile's heard list) seed one multi-get of those episodes' stored neighbours. No model trained
 * yet, or nothing liked: no candidates, and the component stays silent.
 *
 * <p>Parsed neighbour lists are cached per node, keyed by the model's concrete index: the same
 * popular episodes seed many listeners, and a new training (a new index) makes old entries unused.
 */
public final class CollaborativeCandidatesLoader {

    private final Client client;
    private final ClusterService clusterService;
    private final Cache<String, CollaborativeScores.StoredNeighbours> cache;

    /** @param cacheSize episodes' neighbour lists kept per node (0: none) */
    public CollaborativeCandidatesLoader(Client client, ClusterService clusterService, int cacheSize) {
        this.client = client;
        this.clusterService = clusterService;
        this.cache = cacheSize == 0 ? null : CacheBuilder.<String, CollaborativeScores.StoredNeighbours>builder().setMaximumWeight(cacheSize).build();
    }

    public void load(List<Profile.Heard> heard, ActionListener<List<CollaborativeCandidate>> listener) {
        ClusterSettings settings = clusterService.getClusterSettings();
        String alias = settings.get(PodcastSettings.COLLABORATIVE_INDEX);
        var metadata = clusterService.state().metadata();
        List<CollaborativeScores.Seed> seeds = CollaborativeScores.seeds(heard, settings.get(PodcastSettings.COLLABORATIVE_MAX_SEEDS));
        String model = modelIndex(metadata, alias);
        if (seeds.isEmpty() || model == null) {
            listener.onResponse(List.of());
            return;
        }
        int limit = settings.get(PodcastSettings.COLLABORATIVE_CANDIDATES);
        Set<String> heardIds = new HashSet<>();
        heard.forEach(h -> heardIds.add(h.episodeId()));
        Map<String, CollaborativeScores.StoredNeighbours> stored = new HashMap<>();
        MultiGetRequest request = new MultiGetRequest().realtime(false);
        for (CollaborativeScores.Seed seed : seeds) {
            CollaborativeScores.StoredNeighbours cached = cache == null ? null : cache.get(model + "/" + seed.episodeId());
            if (cached != null) {
                stored.put(seed.episodeId(), cached);
            } else {
                request.add(model, seed.episodeId());
            }
        }
        if (request.getItems().isEmpty()) {
            listener.onResponse(CollaborativeScores.candidates(seeds, stored, heardIds, limit));
            return;
        }
        client.multiGet(request, ActionListener.wrap(response -> {
            for (MultiGetItemResponse item : response.getResponses()) {
                if (item.isFailed()) {
                    continue;
                }
                // an episode without neighbours is cached too, as an empty list
                CollaborativeScores.StoredNeighbours neighbours = item.getResponse().isExists()
                    ? parse(item.getResponse().getSourceAsMap())
                    : new CollaborativeScores.StoredNeighbours(null, List.of(), List.of());
                stored.put(item.getId(), neighbours);
                if (cache != null) {
                    cache.put(model + "/" + item.getId(), neighbours);
                }
            }
            listener.onResponse(CollaborativeScores.candidates(seeds, stored, heardIds, limit));
        }, listener::onFailure));
    }

    /** The concrete index the model alias points to, or null before the first training. */
    private static String modelIndex(Metadata metadata, String alias) {
        if (metadata.hasIndex(alias)) {
            return alias;
        }
        var indices = metadata.getIndicesLookup().get(alias);
        return indices == null || indices.getIndices().isEmpty() ? null : indices.getIndices().get(0).getIndex().getName();
    }

    @SuppressWarnings("unchecked")
    private static CollaborativeScores.StoredNeighbours parse(Map<String, Object> source) {
        Map<String, Object> neighbours = (Map<String, Object>) source.getOrDefault(CollaborativeModelIndex.NEIGHBOURS, Map.of());
        return new CollaborativeScores.StoredNeighbours(
            (String) source.get(CollaborativeModelIndex.TITLE),
            (List<String>) neighbours.getOrDefault(CollaborativeModelIndex.IDS, List.of()),
            (List<Number>) neighbours.getOrDefault(CollaborativeModelIndex.SIMILARITIES, List.of())
        );
    }
}
