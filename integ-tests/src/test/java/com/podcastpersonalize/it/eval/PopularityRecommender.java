package com.podcastpersonalize.it.eval;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;

/** Baseline: the items with the most training interactions ({@code play_count}) the listener has not seen. */
public final class PopularityRecommender implements Recommender {

    private final EvalClient client;
    private final String index;
    private final String popularityField;

    public PopularityRecommender(EvalClient client, String index, String popularityField) {
        this.client = client;
        this.index = index;
        this.popularityField = popularityField;
    }

    @Override
    public String name() {
        return "popularity";
    }

    @Override
    public String kind() {
        return "baseline";
    }

    @Override
    public String parameters() {
        return "sort by " + popularityField + " desc, training items excluded";
    }

    @Override
    public List<String> recommend(ListenerQuery listener) throws IOException {
        XContentBuilder b = JsonXContent.contentBuilder().startObject().field("size", SystemScores.K).field("_source", false);
        SearchBodies.notAlreadySeen(b, "query", listener.trainItems());
        b.startArray("sort").startObject().field(popularityField, "desc").endObject().startObject().field("item_id", "asc").endObject().endArray();
        return EvalClient.ids(client.send("POST", "/" + index + "/_search", b.endObject()));
    }
}
