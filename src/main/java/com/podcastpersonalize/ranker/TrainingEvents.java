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
 */
public record TrainingEvents(List<ResolvedEvent> events, Map<String, EpisodeFeatures> episodes, long skipped) {

    /**
     * The times (epoch ms) of the events on an episode of the catalogue: the events that can make examples,
     * among which the validation cut is placed. Events on episodes the episodes index does not hold (another
     * catalogue's, deleted ones) and searches would otherwise move the cut without adding a row on either side.
     */
    public long[] timestamps() {
        return events.stream().filter(e -> e.episode() != null).mapToLong(e -> e.event().timestamp()).toArray();
    }

    public int listeners() {
        return (int) events.stream().map(e -> e.event().listenerId()).distinct().count();
    }
}
