package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Baseline: k-NN (exact top 10 under a filter, Lucene HNSW) on the mean text vector of the items the
 * listener liked in training, their training items filtered out.
 */
public final class MeanVectorKnnRecommender extends SearchRecommender {

    private final Map<String, float[]> vectors;

    public MeanVectorKnnRecommender(JsonNodeClient client, String index, Map<String, float[]> vectors) {
        super(client, index, "k-NN on mean vector", "baseline");
        this.vectors = vectors;
    }

    @Override
    public String parameters() {
        return "knn text_vector, k 10, vector = normalized mean of the liked training items' vectors, training items filtered out";
    }

    @Override
    protected XContentBuilder body(ListenerQuery listener) throws IOException {
        float[] mean = meanOf(listener.likedItems());
        if (mean == null) {
            return null;
        }
        XContentBuilder b = topIds().startObject("query").startObject("knn").startObject("text_vector").field("vector", mean).field("k", SystemScores.K);
        SearchBodies.notAlreadySeen(b, "filter", listener.trainItems());
        return b.endObject().endObject().endObject().endObject();
    }

    /** The unit-length mean of the items' vectors, or null when none has a vector. */
    float[] meanOf(List<String> items) {
        float[] sum = null;
        for (String item : items) {
            float[] v = vectors.get(item);
            if (v == null) {
                continue;
            }
            if (sum == null) {
                sum = new float[v.length];
            }
            for (int d = 0; d < v.length; d++) {
                sum[d] += v[d];
            }
        }
        if (sum == null) {
            return null;
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        if (norm == 0) {
            return null;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= inv;
        }
        return sum;
    }
}
