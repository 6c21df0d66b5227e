package com.podcastpersonalize.ranker;

import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.ResolvedEvent;

import java.util.List;
import java.util.Map;

/**
 * What a training learns from: every stored event with its episode's features, and the episodes the
 * events name that the episodes index has (the catalogue unheard negatives are sampled from).
 *
 * @param skipped stored events that could not be read as events (not written by the events API)
 * @param latest  the newest event's time, epoch ms (the validation cut counts back from it)
 */
public record TrainingEvents(List<ResolvedEvent> events, Map<String, EpisodeFeatures> episodes, long skipped, long latest) {

    public int listeners() {
        return (int) events.stream().map(e -> e.event().listenerId()).distinct().count();
    }
}
