package com.podcastpersonalize.diversify;

import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.search.SearchHit;
import org.opensearch.search.pipeline.AbstractProcessor;
import org.opensearch.search.pipeline.SearchResponseProcessor;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code podcast_diversify} search response processor: re-ranks the top {@code window} hits of
 * the page it receives by maximal marginal relevance over the episode vectors, with at most
 * {@code max_per_show} hits per show ({@link MaximalMarginalRelevance}).
 *
 * <p>What users get: only the order changes. Hits keep their {@code _score} (the query's
 * relevance; the marginal value of a pick depends on the picks before it and means nothing outside
 * this list), {@code max_score} and totals stay true, and no hit is dropped: hits over the show cap
 * move below the diversified ones, inside the window. Hits past the window keep their place. Only
 * the hits of this response are seen: with {@code from} > 0 the page is diversified on its own,
 * and hits never move between pages.
 */
public final class DiversifyResponseProcessor extends AbstractProcessor implements SearchResponseProcessor {

    public static final String TYPE = "podcast_diversify";

    private final DiversifyParameters parameters;
    private final Set<String> fieldsToRead = new HashSet<>();

    DiversifyResponseProcessor(String tag, String description, boolean ignoreFailure, DiversifyParameters parameters) {
        super(tag, description, ignoreFailure);
        this.parameters = parameters;
        fieldsToRead.add(parameters.showField());
        // the vector is the costly part of a source to read: skipped when similarity does not count
        if (parameters.lambda() > 0) {
            fieldsToRead.add(parameters.vectorField());
        }
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public SearchResponse processResponse(SearchRequest request, SearchResponse response) {
        if (response.getHits() == null || response.getHits().getHits().length < 2) {
            return response;
        }
        SearchHit[] page = response.getHits().getHits();
        SearchHit[] window = Arrays.copyOf(page, Math.min(parameters.window(), page.length));
        MaximalMarginalRelevance.Selection selection = select(window);
        if (explainRequested(request)) {
            DiversifyExplanation.annotate(window, selection, parameters);
        }
        SearchHit[] reordered = page.clone();
        int[] order = selection.order();
        for (int position = 0; position < order.length; position++) {
            reordered[position] = window[order[position]];
        }
        return SearchResponses.withHits(response, reordered);
    }

    private MaximalMarginalRelevance.Selection select(SearchHit[] window) {
        int n = window.length;
        float[] scores = new float[n];
        float[][] vectors = new float[n][];
        String[][] shows = new String[n][];
        for (int i = 0; i < n; i++) {
            scores[i] = window[i].getScore();
            Map<String, Object> values = HitValues.read(window[i], fieldsToRead);
            vectors[i] = EpisodeVectors.of(values.get(parameters.vectorField()));
            shows[i] = ShowKeys.of(values.get(parameters.showField()));
        }
        return MaximalMarginalRelevance.select(scores, vectors, shows, parameters.lambda(), parameters.maxPerShow());
    }

    private static boolean explainRequested(SearchRequest request) {
        return request != null && request.source() != null && Boolean.TRUE.equals(request.source().explain());
    }
}
