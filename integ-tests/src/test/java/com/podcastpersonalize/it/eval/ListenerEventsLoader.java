package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends each listener's training interactions through {@code POST /_plugins/podcast/events}, as
 * the data set's events, one request per listener (split in parts for long histories), and fails
 * on the first event the node refuses.
 */
public final class ListenerEventsLoader {

    private static final int MAX_INTERACTIONS_PER_REQUEST = 1000;

    private final JsonNodeClient client;

    public ListenerEventsLoader(JsonNodeClient client) {
        this.client = client;
    }

    /** Loads every split's training part under listener id {@code prefix + listener}; answers the number of events sent. */
    public int load(Dataset dataset, List<ListenerSplit> splits, String prefix) throws IOException {
        long start = System.nanoTime();
        int events = 0;
        int done = 0;
        for (ListenerSplit split : splits) {
            List<Interaction> train = split.train();
            for (int from = 0; from < train.size(); from += MAX_INTERACTIONS_PER_REQUEST) {
                XContentBuilder body = JsonXContent.contentBuilder().startObject().startArray("events");
                for (Interaction interaction : train.subList(from, Math.min(train.size(), from + MAX_INTERACTIONS_PER_REQUEST))) {
                    dataset.events().write(body, prefix + split.listener(), interaction);
                }
                Map<String, Object> response = client.send("POST", "/_plugins/podcast/events", body.endArray().endObject());
                events += check(response);
            }
            done++;
            if (done % 100 == 0 || done == splits.size()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                Progress.log(String.format(Locale.ROOT, "%s: %d/%d listeners' events sent (%d events, %.0f events/s)",
                    dataset.name(), done, splits.size(), events, events / seconds));
            }
        }
        return events;
    }

    /** The number of events in the answer; throws when any failed. */
    private static int check(Map<String, Object> response) {
        Object items = response.get("items");
        if (Boolean.TRUE.equals(response.get("errors"))) {
            String text = String.valueOf(items);
            throw new IllegalStateException("the events API refused events: " + text.substring(0, Math.min(1500, text.length())));
        }
        return items instanceof List<?> list ? list.size() : 0;
    }
}
