package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.client.ResponseException;
import org.opensearch.common.xcontent.json.JsonXContent;

import java.io.IOException;
import java.util.Map;

/**
 * Trains the plugin's learned ranker from the events the evaluation sent
 * ({@code POST /_plugins/podcast/ranker/_train}) and waits for the outcome
 * ({@code GET /_plugins/podcast/ranker}).
 */
final class LearnedRankerTraining {

    private LearnedRankerTraining() {}

    /** The training's final status: {@code state} is {@code succeeded}, {@code failed} or {@code cancelled}, or the refusal. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> train(JsonNodeClient client, RankerValidation validation) throws IOException, InterruptedException {
        try {
            client.send("POST", "/_plugins/podcast/ranker/_train", JsonXContent.contentBuilder().startObject()
                .field(validation.field(), validation.value()).field("model", "logistic").endObject());
        } catch (ResponseException e) {
            return Map.of("state", "refused", "error", e.getMessage());
        }
        while (true) {
            Thread.sleep(1000);
            Map<String, Object> status = client.send("GET", "/_plugins/podcast/ranker", (String) null);
            Map<String, Object> training = (Map<String, Object>) status.get("training");
            String state = training == null ? null : (String) training.get("state");
            if (state != null && !"running".equals(state)) {
                Progress.log("learned ranker: " + status);
                return training;
            }
        }
    }
}
