package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;

/** A recommender that answers with one search on the evaluation index: the ids of its top hits. */
public abstract class SearchRecommender implements Recommender {

    private final JsonNodeClient client;
    protected final String index;
    private final String name;
    private final String kind;

    protected SearchRecommender(JsonNodeClient client, String index, String name, String kind) {
        this.client = client;
        this.index = index;
        this.name = name;
        this.kind = kind;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final List<String> recommend(ListenerQuery listener) throws IOException {
        XContentBuilder body = body(listener);
        return body == null ? List.of() : JsonNodeClient.ids(client.send("POST", "/" + index + "/_search", body));
    }

    /** The complete search body for the listener, or null when there is nothing to ask. */
    protected abstract XContentBuilder body(ListenerQuery listener) throws IOException;

    /** An open body asking for the top {@link SystemScores#K} ids without their sources. */
    protected static XContentBuilder topIds() throws IOException {
        return JsonXContent.contentBuilder().startObject().field("size", SystemScores.K).field("_source", false);
    }
}
