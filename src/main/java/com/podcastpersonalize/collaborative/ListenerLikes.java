package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.listeners.EventWeights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each listener liked, folded from their stored events with the rule profiles use for heard
 * episodes: per episode the latest event counts (the stronger one when several share its time), and
 * the episode is liked when that weight reaches {@link EventWeights#POSITIVE}.
 */
final class ListenerLikes {

    private record Latest(long timestamp, double weight) {}

    private final Map<String, Map<String, Latest>> byListener = new HashMap<>();
    private long events;

    /** Adds one event of {@code listener} on {@code episode} at {@code timestamp} with its {@link EventWeights} weight. */
    void add(String listener, String episode, long timestamp, double weight) {
        events++;
        byListener.computeIfAbsent(listener, l -> new HashMap<>()).merge(episode, new Latest(timestamp, weight), (known, next) -> {
            if (next.timestamp() != known.timestamp()) {
                return next.timestamp() > known.timestamp() ? next : known;
            }
            return next.weight() > known.weight() ? next : known;
        });
    }

    long events() {
        return events;
    }

    int listeners() {
        return byListener.size();
    }

    /** Each listener's liked episodes, latest first, at most {@code maxPerListener} each; listeners with none left out. */
    List<List<String>> liked(int maxPerListener) {
        List<List<String>> all = new ArrayList<>();
        for (Map<String, Latest> episodes : byListener.values()) {
            List<String> liked = episodes.entrySet().stream()
                .filter(e -> e.getValue().weight() >= EventWeights.POSITIVE)
                .sorted(Comparator.comparingLong((Map.Entry<String, Latest> e) -> -e.getValue().timestamp()).thenComparing(Map.Entry::getKey))
                .limit(maxPerListener)
                .map(Map.Entry::getKey)
                .toList();
            if (!liked.isEmpty()) {
                all.add(liked);
            }
        }
        return all;
    }
}
