package com.podcastpersonalize.it.eval;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;

/**
 * Baseline: BM25 {@code more_like_this} on the text fields of the listener's latest liked training
 * items (at most {@value #MAX_LIKE_DOCS}), their training items excluded. Parameters fixed a priori
 * for short texts (a term counts from its first occurrence), not tuned.
 */
public final class MoreLikeThisRecommender implements Recommender {

    static final int MAX_LIKE_DOCS = 50;

    private final EvalClient client;
    private final String index;
    private final List<String> fields;

    public MoreLikeThisRecommender(EvalClient client, String index, List<String> fields) {
        this.client = client;
        this.index = index;
        this.fields = fields;
    }

    @Override
    public String name() {
        return "BM25 more_like_this";
    }

    @Override
    public String kind() {
        return "baseline";
    }

    @Override
    public String parameters() {
        return "more_like_this on " + fields + ", like = latest " + MAX_LIKE_DOCS + " liked training items, min_term_freq 1, min_doc_freq 2, max_query_terms 50";
    }

    @Override
    public List<String> recommend(ListenerQuery listener) throws IOException {
        List<String> liked = listener.likedItems();
        List<String> like = liked.subList(Math.max(0, liked.size() - MAX_LIKE_DOCS), liked.size());
        XContentBuilder b = JsonXContent.contentBuilder().startObject().field("size", SystemScores.K).field("_source", false)
            .startObject("query").startObject("bool").startObject("must").startObject("more_like_this")
            .field("fields", fields).startArray("like");
        for (String id : like) {
            b.startObject().field("_index", index).field("_id", id).endObject();
        }
        b.endArray().field("min_term_freq", 1).field("min_doc_freq", 2).field("max_query_terms", 50).endObject().endObject();
        b.startObject("must_not").startObject("ids").field("values", listener.trainItems()).endObject().endObject();
        b.endObject().endObject();
        return EvalClient.ids(client.send("POST", "/" + index + "/_search", b.endObject()));
    }
}
