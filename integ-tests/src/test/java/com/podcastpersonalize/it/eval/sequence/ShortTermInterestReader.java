package com.podcastpersonalize.it.eval.sequence;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.client.ResponseException;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads a listener's decayed short-term text interest as the plugin keeps it: the {@code short_term}
 * interest of {@code GET /_plugins/podcast/listeners/{id}?include_vectors=true} (the profile the
 * events built, decayed with {@code plugins.podcast.listeners.short_term_half_life}).
 */
public final class ShortTermInterestReader {

    private final JsonNodeClient client;

    public ShortTermInterestReader(JsonNodeClient client) {
        this.client = client;
    }

    /** The unit short-term vector, or null when the listener has no profile or no short-term interest. */
    @SuppressWarnings("unchecked")
    public float[] read(String listenerId) throws IOException {
        Map<String, Object> profile;
        try {
            profile = client.send("GET", "/_plugins/podcast/listeners/" + listenerId + "?include_vectors=true", (String) null);
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
        for (Map<String, Object> interest : (List<Map<String, Object>>) profile.getOrDefault("interests", List.of())) {
            if ("short_term".equals(interest.get("kind")) && interest.get("vector") instanceof List<?> values) {
                float[] vector = new float[values.size()];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = ((Number) values.get(d)).floatValue();
                }
                return UnitVectors.normalized(vector);
            }
        }
        return null;
    }
}
