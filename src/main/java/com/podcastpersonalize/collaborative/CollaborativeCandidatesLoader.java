package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.query.ListenerInterests.CollaborativeCandidate;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.cluster.service.ClusterService;
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
 */
public final class CollaborativeCandidatesLoader {

    private final Client client;
    private final ClusterService clusterService;

    public CollaborativeCandidatesLoader(Client client, ClusterService clusterService) {
        this.client = client;
        this.clusterService = clusterService;
    }

    public void load(List<Profile.Heard> heard, ActionListener<List<CollaborativeCandidate>> listener) {
        ClusterSettings settings = clusterService.getClusterSettings();
        String alias = settings.get(PodcastSettings.COLLABORATIVE_INDEX);
        var metadata = clusterService.state().metadata();
        List<CollaborativeScores.Seed> seeds = CollaborativeScores.seeds(heard, settings.get(PodcastSettings.COLLABORATIVE_MAX_SEEDS));
        if (seeds.isEmpty() || !(metadata.hasAlias(alias) || metadata.hasIndex(alias))) {
            listener.onResponse(List.of());
            return;
        }
        MultiGetRequest request = new MultiGetRequest().realtime(false);
        seeds.forEach(seed -> request.add(alias, seed.episodeId()));
        int limit = settings.get(PodcastSettings.COLLABORATIVE_CANDIDATES);
        Set<String> heardIds = new HashSet<>();
        heard.forEach(h -> heardIds.add(h.episodeId()));
        client.multiGet(request, ActionListener.wrap(response -> {
            Map<String, CollaborativeScores.StoredNeighbours> stored = new HashMap<>();
            for (MultiGetItemResponse item : response.getResponses()) {
                if (!item.isFailed() && item.getResponse().isExists()) {
                    stored.put(item.getId(), parse(item.getResponse().getSourceAsMap()));
                }
            }
            listener.onResponse(CollaborativeScores.candidates(seeds, stored, heardIds, limit));
        }, listener::onFailure));
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
