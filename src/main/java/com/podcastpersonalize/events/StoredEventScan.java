package com.podcastpersonalize.events;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.admin.indices.refresh.RefreshRequest;
import org.opensearch.action.search.ClearScrollRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchScrollRequest;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.transport.client.Client;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads every stored event that matches a query, for the trainings that learn from the whole log
 * (collaborative, learned ranker): refreshes the events index first (events just posted count), then
 * scrolls through it in index order and hands each event's source to a consumer.
 */
public final class StoredEventScan {

    public static final int PAGE_SIZE = 5000;
    private static final TimeValue KEEP_ALIVE = TimeValue.timeValueMinutes(2);

    private final Client client;

    public StoredEventScan(Client client) {
        this.client = client;
    }

    /**
     * @param fields    the source fields to fetch, or null for all
     * @param onEvent   called with each event's source, page by page, on the thread that received the page
     * @param cancelled checked before each next page; when true the scan stops with a {@link CancellationException}
     * @param done      the number of events read, once every page was; fails when a shard could not be read
     *                  (learning from part of the log would go unnoticed)
     */
    public void scan(
        String index,
        QueryBuilder query,
        String[] fields,
        Consumer<Map<String, Object>> onEvent,
        BooleanSupplier cancelled,
        ActionListener<Long> done
    ) {
        SearchSourceBuilder source = new SearchSourceBuilder().query(query).size(PAGE_SIZE).sort("_doc");
        if (fields != null) {
            source.fetchSource(fields, null);
        }
        client.admin().indices().refresh(new RefreshRequest(index), ActionListener.wrap(
            refreshed -> client.search(new SearchRequest(index).source(source).scroll(KEEP_ALIVE), page(onEvent, cancelled, 0, done)),
            done::onFailure
        ));
    }

    private ActionListener<SearchResponse> page(Consumer<Map<String, Object>> onEvent, BooleanSupplier cancelled, long readSoFar, ActionListener<Long> done) {
        return ActionListener.wrap(response -> {
            String scrollId = response.getScrollId();
            if (response.getFailedShards() > 0) {
                clear(scrollId);
                done.onFailure(new OpenSearchStatusException(
                    "the stored events could not be read from every shard (" + response.getFailedShards() + " failed); retry",
                    RestStatus.SERVICE_UNAVAILABLE
                ));
                return;
            }
            SearchHit[] hits = response.getHits().getHits();
            for (SearchHit hit : hits) {
                onEvent.accept(hit.getSourceAsMap());
            }
            long read = readSoFar + hits.length;
            if (hits.length == 0) {
                clear(scrollId);
                done.onResponse(read);
            } else if (cancelled.getAsBoolean()) {
                clear(scrollId);
                done.onFailure(new CancellationException("cancelled while reading the stored events (" + read + " read)"));
            } else {
                client.searchScroll(new SearchScrollRequest(scrollId).scroll(KEEP_ALIVE), page(onEvent, cancelled, read, done));
            }
        }, done::onFailure);
    }

    private void clear(String scrollId) {
        if (scrollId == null) {
            return;
        }
        ClearScrollRequest request = new ClearScrollRequest();
        request.addScrollId(scrollId);
        client.clearScroll(request, ActionListener.wrap(r -> {}, e -> {}));
    }
}
