package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;

/**
 * The plugin's {@code personalize} clause as a recommender: the listener's query text when they
 * search (none when they ask for recommendations), {@code exclude_heard}, the top 10, with the configuration's weights, normalization and popularity parameters.
 */
public final class PersonalizeRecommender extends SearchRecommender {

    private final PersonalizeConfig config;

    public PersonalizeRecommender(JsonNodeClient client, String index, PersonalizeConfig config) {
        super(client, index, config.name(), config.kind());
        this.config = config;
    }

    @Override
    public String parameters() {
        return config.describe();
    }

    @Override
    protected XContentBuilder body(ListenerQuery listener) throws IOException {
        XContentBuilder b = topIds().startObject("query").startObject("personalize")
            .field("listener_id", listener.nodeListenerId()).field("vector_field", "text_vector").field("exclude_heard", true);
        if (listener.queryText() != null) {
            b.field("query_text", listener.queryText());
        }
        config.writeTo(b);
        return b.endObject().endObject().endObject();
    }
}
