package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.client.ResponseException;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.Map;

/**
 * Trains one of the plugin's models from the events the evaluation sent ({@code POST <path>/_train}:
 * the learned ranker, the sequence model) and waits for the outcome ({@code GET <path>}).
 */
final class ClusterTraining {

    static final String RANKER = "/_plugins/podcast/ranker";
    static final String SEQUENCE = "/_plugins/podcast/sequence";

    private ClusterTraining() {}

    static Map<String, Object> ranker(JsonNodeClient client, RankerValidation validation) throws IOException, InterruptedException {
        return train(client, RANKER, JsonXContent.contentBuilder().startObject()
            .field(validation.field(), validation.value()).field("model", "logistic").endObject());
    }

    /** The sequence model with its defaults. */
    static Map<String, Object> sequence(JsonNodeClient client) throws IOException, InterruptedException {
        return train(client, SEQUENCE, JsonXContent.contentBuilder().startObject().endObject());
    }

    /** The training's final status: {@code state} is {@code succeeded}, {@code failed} or {@code cancelled}, or the refusal. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> train(JsonNodeClient client, String path, XContentBuilder body) throws IOException, InterruptedException {
        try {
            client.send("POST", path + "/_train", body);
        } catch (ResponseException e) {
            return Map.of("state", "refused", "error", e.getMessage());
        }
        while (true) {
            Thread.sleep(1000);
            Map<String, Object> status = client.send("GET", path, (String) null);
            Map<String, Object> training = (Map<String, Object>) status.get("training");
            String state = training == null ? null : (String) training.get("state");
            if (state != null && !"running".equals(state)) {
                Progress.log(path + ": " + status);
                return training;
            }
        }
    }
}
