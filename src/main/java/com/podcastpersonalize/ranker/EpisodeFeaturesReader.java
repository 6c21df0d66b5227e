package com.podcastpersonalize.ranker;

import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.EpisodeSource;

import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.search.fetch.subphase.FetchSourceContext;
import org.opensearch.transport.client.Client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** The features of many episodes, by multi-gets of {@link #BATCH} ids from the episodes index; missing episodes are left out. */
final class EpisodeFeaturesReader {

    static final int BATCH = 1000;

    private final Client client;

    EpisodeFeaturesReader(Client client) {
        this.client = client;
    }

    void read(String index, EpisodeSource source, List<String> ids, BooleanSupplier cancelled, ActionListener<Map<String, EpisodeFeatures>> listener) {
        readFrom(index, source, ids, 0, new HashMap<>(), cancelled, listener);
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
                    found.put(item.getId(), source.read(item.getResponse().getSourceAsMap()));
                } else if (item.isFailed() && !(item.getFailure().getFailure() instanceof IndexNotFoundException)) {
                    listener.onFailure(item.getFailure().getFailure());
                    return;
                }
            }
            readFrom(index, source, ids, to, found, cancelled, listener);
        }, listener::onFailure));
    }
}
