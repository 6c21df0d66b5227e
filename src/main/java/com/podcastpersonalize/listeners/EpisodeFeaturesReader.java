package com.podcastpersonalize.listeners;

import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.search.fetch.subphase.FetchSourceContext;
import org.opensearch.transport.client.Client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The features of many episodes: from this node's {@link EpisodeCache} when one is given (and then
 * kept there), the others by multi-gets of {@link #BATCH} ids from the episodes index. Missing
 * episodes (and a missing index) are left out; what a failed item does is the caller's choice.
 */
public final class EpisodeFeaturesReader {

    static final int BATCH = 1000;

    /** What a multi-get item that failed (other than for a missing index) does to the whole read. */
    public enum ItemFailures {
        /** The read fails with the item's failure: a training must not learn from a partial catalogue. */
        FAIL,
        /** The episode is left out, as if missing: a search goes on with what could be read. */
        SKIP
    }

    private final Client client;
    private final EpisodeCache cache;
    private final ItemFailures itemFailures;

    /** @param cache the node's episode cache, or null to read everything from the index (a training reads the whole catalogue once) */
    public EpisodeFeaturesReader(Client client, EpisodeCache cache, ItemFailures itemFailures) {
        this.client = client;
        this.cache = cache;
        this.itemFailures = itemFailures;
    }

    public void read(String index, EpisodeSource source, List<String> ids, BooleanSupplier cancelled, ActionListener<Map<String, EpisodeFeatures>> listener) {
        Map<String, EpisodeFeatures> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            EpisodeFeatures cached = cache == null ? null : cache.get(index, id);
            if (cached == null) {
                missing.add(id);
            } else {
                found.put(id, cached);
            }
        }
        readFrom(index, source, missing, 0, found, cancelled, listener);
    }

    private void readFrom(
        String index,
        EpisodeSource source,
        List<String> ids,
        int from,
        Map<String, EpisodeFeatures> found,
        BooleanSupplier cancelled,
        ActionListener<Map<String, EpisodeFeatures>> listener
    ) {
        if (from >= ids.size()) {
            listener.onResponse(found);
            return;
        }
        if (cancelled.getAsBoolean()) {
            listener.onFailure(new CancellationException("cancelled while reading the episodes' features"));
            return;
        }
        int to = Math.min(from + BATCH, ids.size());
        MultiGetRequest request = new MultiGetRequest().realtime(false);
        FetchSourceContext fields = new FetchSourceContext(true, source.includes(), null);
        for (String id : ids.subList(from, to)) {
            request.add(new MultiGetRequest.Item(index, id).fetchSourceContext(fields));
        }
        client.multiGet(request, ActionListener.wrap(response -> {
            for (MultiGetItemResponse item : response.getResponses()) {
                if (!item.isFailed() && item.getResponse().isExists()) {
                    EpisodeFeatures features = source.read(item.getResponse().getSourceAsMap());
                    found.put(item.getId(), features);
                    if (cache != null) {
                        cache.put(index, item.getId(), features);
                    }
                } else if (item.isFailed() && itemFailures == ItemFailures.FAIL && !(item.getFailure().getFailure() instanceof IndexNotFoundException)) {
                    listener.onFailure(item.getFailure().getFailure());
                    return;
                }
            }
            readFrom(index, source, ids, to, found, cancelled, listener);
        }, listener::onFailure));
    }
}
