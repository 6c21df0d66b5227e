package com.podcastpersonalize.diversify;

import org.opensearch.action.search.SearchResponse;
import org.opensearch.search.SearchHit;
import org.opensearch.search.SearchHits;
import org.opensearch.search.aggregations.InternalAggregations;
import org.opensearch.search.internal.InternalSearchResponse;
import org.opensearch.search.profile.SearchProfileShardResults;

/** Rebuilds a search response around other hits, keeping every other part as it was. */
final class SearchResponses {

    private SearchResponses() {}

    /**
     * The same response with {@code hits} in place of its hits: totals, {@code max_score}, sort and
     * collapse information, aggregations, suggestions, profile, {@code ext}, the pipeline's
     * processor results, timings and shard counts are unchanged.
     */
    static SearchResponse withHits(SearchResponse response, SearchHit[] hits) {
        SearchHits old = response.getHits();
        SearchHits replaced = new SearchHits(
            hits,
            old.getTotalHits(),
            old.getMaxScore(),
            old.getSortFields(),
            old.getCollapseField(),
            old.getCollapseValues()
        );
        // an empty profile object would add "profile": {"shards": []} to responses that never asked for one
        var profile = response.getProfileResults();
        InternalSearchResponse sections = new InternalSearchResponse(
            replaced,
            (InternalAggregations) response.getAggregations(),
            response.getSuggest(),
            profile == null || profile.isEmpty() ? null : new SearchProfileShardResults(profile),
            response.isTimedOut(),
            response.isTerminatedEarly(),
            response.getNumReducePhases(),
            response.getInternalResponse().getSearchExtBuilders(),
            response.getInternalResponse().getProcessorResult()
        );
        return new SearchResponse(
            sections,
            response.getScrollId(),
            response.getTotalShards(),
            response.getSuccessfulShards(),
            response.getSkippedShards(),
            response.getTook().millis(),
            response.getPhaseTook(),
            response.getShardFailures(),
            response.getClusters(),
            response.pointInTimeId()
        );
    }
}
