package com.podcastpersonalize.it.eval.sequence;

import com.podcastpersonalize.it.eval.ListenerQuery;
import com.podcastpersonalize.it.eval.SearchBodies;
import com.podcastpersonalize.it.eval.SearchRecommender;
import com.podcastpersonalize.it.eval.SystemScores;
import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.Map;

/**
 * k-NN (top 10, Lucene HNSW, cosine) on one given interest vector per listener, the listener's
 * training items filtered out, as the mean-vector baseline asks; no answer for a listener without one.
 */
public final class InterestVectorKnnRecommender extends SearchRecommender {

    private final String parameters;
    private final Map<String, float[]> vectorByListener;

    /** {@code vectorByListener}: the interest vector of each listener, by node listener id. */
    public InterestVectorKnnRecommender(JsonNodeClient client, String index, String name, String parameters, Map<String, float[]> vectorByListener) {
        super(client, index, name, "experiment");
        this.parameters = parameters;
        this.vectorByListener = Map.copyOf(vectorByListener);
    }

    @Override
    public String parameters() {
        return parameters;
    }

    @Override
    protected XContentBuilder body(ListenerQuery listener) throws IOException {
        float[] vector = vectorByListener.get(listener.nodeListenerId());
        if (vector == null) {
            return null;
        }
        XContentBuilder b = topIds().startObject("query").startObject("knn").startObject("text_vector").field("vector", vector).field("k", SystemScores.K);
        SearchBodies.notAlreadySeen(b, "filter", listener.trainItems());
        return b.endObject().endObject().endObject().endObject();
    }
}
