package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;

/** Baseline: the items with the most training interactions ({@code play_count}) the listener has not seen. */
public final class PopularityRecommender extends SearchRecommender {

    private final String popularityField;

    public PopularityRecommender(JsonNodeClient client, String index, String popularityField) {
        super(client, index, "popularity", "baseline");
        this.popularityField = popularityField;
    }

    @Override
    public String parameters() {
        return "sort by " + popularityField + " desc, training items excluded";
    }

    @Override
    protected XContentBuilder body(ListenerQuery listener) throws IOException {
        XContentBuilder b = topIds();
        SearchBodies.notAlreadySeen(b, "query", listener.trainItems());
        b.startArray("sort").startObject().field(popularityField, "desc").endObject().startObject().field("item_id", "asc").endObject().endArray();
        return b.endObject();
    }
}
