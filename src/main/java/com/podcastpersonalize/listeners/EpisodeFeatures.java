package com.podcastpersonalize.listeners;

import java.util.List;

/**
 * What a profile takes from an episode document.
 *
 * @param textVector  {@code text_vector}, or null when the episode has none
 * @param audioVector {@code audio_vector}, or null
 * @param topics      topic tags (may be empty)
 * @param show        the show id, or null
 */
public record EpisodeFeatures(float[] textVector, float[] audioVector, List<String> topics, String show) {

    public static final String TEXT_VECTOR_FIELD = "text_vector";
    public static final String AUDIO_VECTOR_FIELD = "audio_vector";

    public EpisodeFeatures {
        topics = List.copyOf(topics);
    }
}
