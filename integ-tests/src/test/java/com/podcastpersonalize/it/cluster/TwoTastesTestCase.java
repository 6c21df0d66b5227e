package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.it.support.TwoTastes;
import com.podcastpersonalize.query.PersonalizeRewrite;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;

import java.util.List;
import java.util.Map;

/** The two-tastes catalogue ({@link TwoTastes}) and its two listeners on the test cluster, and searches as users send them. */
public abstract class TwoTastesTestCase extends PodcastClusterTestCase {

    protected static final String JAZZ_LISTENER = "jazz-lover";
    protected static final String CRIME_LISTENER = "crime-lover";

    /** A search's hits, the strategy header and the query-text embedding time headers (null when absent). */
    protected record Result(List<Map<String, Object>> hits, String strategy, Map<String, Object> body, String embeddingMs, String embeddingWaitMs) {
        List<String> ids() {
            return hits.stream().map(h -> (String) h.get("_id")).toList();
        }
    }

    protected void indexCatalogue(String index, int shards) throws Exception {
        rest("PUT", "/_ingest/pipeline/two_tastes", TwoTastes.PIPELINE);
        rest("PUT", "/" + index, TwoTastes.indexBody(shards, 1, "two_tastes"));
        Map<String, Object> bulk = rest("POST", "/" + index + "/_bulk?refresh=true", TwoTastes.bulkBody());
        assertEquals("bulk: " + bulk, Boolean.FALSE, bulk.get("errors"));
        ensureGreen(index);
    }

    protected void listen(String listener, List<String> finished) throws Exception {
        Map<String, Object> response = rest("POST", "/_plugins/podcast/events?wait_for_profiles=true", TwoTastes.finishedEvents(listener, finished));
        assertEquals("events: " + response, Boolean.FALSE, response.get("errors"));
    }

    /** The listeners finish episodes of the index {@code episodes} (the default of plugins.podcast.episodes_index). */
    protected void setUpListeners() throws Exception {
        listen(JAZZ_LISTENER, TwoTastes.JAZZ_FINISHED);
        listen(CRIME_LISTENER, TwoTastes.CRIME_FINISHED);
    }

    @SuppressWarnings("unchecked")
    protected Result search(String index, String body) throws Exception {
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(body);
        Response response = getRestClient().performRequest(request);
        Map<String, Object> parsed = parse(EntityUtils.toString(response.getEntity()));
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) parsed.get("hits")).get("hits");
        return new Result(
            hits,
            response.getHeader(PersonalizeRewrite.STRATEGY_HEADER),
            parsed,
            response.getHeader(PersonalizeRewrite.EMBEDDING_HEADER),
            response.getHeader(PersonalizeRewrite.EMBEDDING_WAIT_HEADER)
        );
    }

    protected void assertBadRequest(String index, String body, String expected) throws Exception {
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(body);
        ResponseException e = expectThrows(ResponseException.class, () -> getRestClient().performRequest(request));
        String response = EntityUtils.toString(e.getResponse().getEntity());
        assertEquals(body + " -> " + response, 400, e.getResponse().getStatusLine().getStatusCode());
        assertTrue(body + " -> " + response, response.contains(expected));
    }
}
