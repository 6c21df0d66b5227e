package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;

/**
 * Baseline: BM25 {@code more_like_this} on the text fields of the listener's latest liked training
 * items (at most {@value #MAX_LIKE_DOCS}), their training items excluded. Parameters fixed a priori
 * for short texts, not tuned: a term counts from its first occurrence, and one matching term is
 * enough (the default {@code minimum_should_match} of 30 % of up to 50 terms drawn from many items
 * matches no short item at all).
 */
public final class MoreLikeThisRecommender extends SearchRecommender {

    static final int MAX_LIKE_DOCS = 50;

    private final List<String> fields;

    public MoreLikeThisRecommender(JsonNodeClient client, String index, List<String> fields) {
        super(client, index, "BM25 more_like_this", "baseline");
        this.fields = fields;
    }

    @Override
    public String parameters() {
        return "more_like_this on " + fields + ", like = latest " + MAX_LIKE_DOCS + " liked training items, min_term_freq 1, min_doc_freq 2, max_query_terms 50, minimum_should_match 1";
    }

    @Override
    protected XContentBuilder body(ListenerQuery listener) throws IOException {
        List<String> liked = listener.likedItems();
        List<String> like = liked.subList(Math.max(0, liked.size() - MAX_LIKE_DOCS), liked.size());
        XContentBuilder b = topIds().startObject("query").startObject("bool").startObject("must").startObject("more_like_this")
            .field("fields", fields).startArray("like");
        for (String id : like) {
            b.startObject().field("_index", index).field("_id", id).endObject();
        }
        b.endArray().field("min_term_freq", 1).field("min_doc_freq", 2).field("max_query_terms", 50)
            .field("minimum_should_match", "1").endObject().endObject();
        SearchBodies.ids(b, "must_not", listener.trainItems()).endObject().endObject();
        return b.endObject();
    }
}
