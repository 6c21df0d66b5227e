package com.podcastpersonalize.it.eval;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;

/**
 * The plugin's {@code personalize} clause as a recommender: no query text, {@code exclude_heard},
 * the top 10, with the configuration's weights, normalization and popularity parameters.
 */
public final class PersonalizeRecommender implements Recommender {

    private final EvalClient client;
    private final String index;
    private final PersonalizeConfig config;

    public PersonalizeRecommender(EvalClient client, String index, PersonalizeConfig config) {
        this.client = client;
        this.index = index;
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String kind() {
        return config.kind();
    }

    @Override
    public String parameters() {
        return config.describe();
    }

    @Override
    public List<String> recommend(ListenerQuery listener) throws IOException {
        XContentBuilder b = JsonXContent.contentBuilder().startObject().field("size", SystemScores.K).field("_source", false)
            .startObject("query").startObject("personalize")
            .field("listener_id", listener.nodeListenerId()).field("vector_field", "text_vector").field("exclude_heard", true);
        config.writeTo(b);
        b.endObject().endObject();
        return EvalClient.ids(client.send("POST", "/" + index + "/_search", b.endObject()));
    }
}
