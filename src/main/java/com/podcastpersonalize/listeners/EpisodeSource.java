package com.podcastpersonalize.listeners;

import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.xcontent.support.XContentMapValues;

import java.util.List;
import java.util.Map;

/** Reads {@link EpisodeFeatures} from an episode document's source; fields are named by the settings. */
public record EpisodeSource(String topicsField, String showField) {

    /** With the fields the cluster's settings name now. */
    public static EpisodeSource of(ClusterSettings settings) {
        return new EpisodeSource(settings.get(PodcastSettings.LISTENERS_EPISODE_TOPICS_FIELD), settings.get(PodcastSettings.LISTENERS_EPISODE_SHOW_FIELD));
    }

    /** The source fields to fetch (source filtering keeps the rest of the episode off the wire). */
    public String[] includes() {
        return new String[] { EpisodeFeatures.TEXT_VECTOR_FIELD, EpisodeFeatures.AUDIO_VECTOR_FIELD, topicsField, showField };
    }

    public EpisodeFeatures read(Map<String, Object> source) {
        return new EpisodeFeatures(
            vector(XContentMapValues.extractValue(EpisodeFeatures.TEXT_VECTOR_FIELD, source)),
            vector(XContentMapValues.extractValue(EpisodeFeatures.AUDIO_VECTOR_FIELD, source)),
            strings(XContentMapValues.extractValue(topicsField, source)),
            scalar(XContentMapValues.extractValue(showField, source))
        );
    }

    private static float[] vector(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        float[] vector = new float[list.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!(list.get(i) instanceof Number number) || !Float.isFinite(number.floatValue())) {
                return null;
            }
            vector[i] = number.floatValue();
        }
        return vector;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v instanceof String).map(String.class::cast).toList();
        }
        return value instanceof String text ? List.of(text) : List.of();
    }

    private static String scalar(Object value) {
        return value instanceof String || value instanceof Number ? value.toString() : null;
    }
}
