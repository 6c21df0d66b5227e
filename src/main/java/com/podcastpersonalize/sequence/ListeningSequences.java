package com.podcastpersonalize.sequence;

import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.EventWeights;
import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.listeners.ResolvedEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each listener's positive episodes in time order, as the model reads them when serving: the profile's
 * heard list ({@link Profile#heard()}: every heard episode once, at its latest event, which decides
 * whether it was liked) replayed from the stored events, keeping the liked ones, oldest first.
 */
public final class ListeningSequences {

    /** Two listeners with two liked episodes each make the smallest task a model can learn anything from. */
    public static final int MIN_SEQUENCES = 2;

    private ListeningSequences() {}

    /** The catalogue (every episode the events name that has a text vector) and the sequences over it. */
    public record Built(ItemCatalogue catalogue, List<int[]> sequences) {}

    /**
     * @param episodes the episodes' features by id (episodes without a text vector are left out)
     * @throws IllegalArgumentException when fewer than {@link #MIN_SEQUENCES} listeners liked two episodes with a text vector
     */
    public static Built build(List<ResolvedEvent> events, Map<String, EpisodeFeatures> episodes) {
        Map<String, float[]> vectors = new HashMap<>();
        episodes.forEach((id, features) -> {
            if (features != null && features.textVector() != null) {
                vectors.put(id, features.textVector());
            }
        });
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no listening sequences to learn from: no event names an episode with a text vector");
        }
        ItemCatalogue catalogue = ItemCatalogue.of(vectors);
        Map<String, Map<String, Profile.Heard>> heardByListener = new LinkedHashMap<>();
        for (ResolvedEvent resolved : events) {
            var event = resolved.event();
            if (!event.type().heard() || event.episodeId() == null || catalogue.position(event.episodeId()) < 0) {
                continue;
            }
            Profile.Heard heard = new Profile.Heard(event.episodeId(), event.timestamp(), (float) EventWeights.weight(event));
            heardByListener.computeIfAbsent(event.listenerId(), l -> new HashMap<>()).merge(heard.episodeId(), heard, ListeningSequences::later);
        }
        List<int[]> sequences = new ArrayList<>();
        for (Map<String, Profile.Heard> heard : heardByListener.values()) {
            List<String> liked = likedOldestFirst(new ArrayList<>(heard.values()));
            if (liked.size() >= 2) {
                sequences.add(catalogue.positions(liked));
            }
        }
        if (sequences.size() < MIN_SEQUENCES) {
            throw new IllegalArgumentException("too few listening sequences to learn from: " + sequences.size() + " listener(s) liked two or more episodes "
                + "with a text vector (complete, like or subscribe events, or plays heard to 5/6 or more), at least " + MIN_SEQUENCES + " needed");
        }
        return new Built(catalogue, sequences);
    }

    /** The later of two events on one episode; at the same time the stronger (as the profile keeps it). */
    private static Profile.Heard later(Profile.Heard known, Profile.Heard other) {
        if (known.timestamp() > other.timestamp() || (known.timestamp() == other.timestamp() && known.weight() >= other.weight())) {
            return known;
        }
        return other;
    }

    /**
     * The liked episodes of a heard list (any order), oldest first: the reverse of the profile's order
     * (latest first, then by episode id), so that training and serving read the same sequence.
     */
    public static List<String> likedOldestFirst(List<Profile.Heard> heard) {
        List<Profile.Heard> latestFirst = new ArrayList<>(heard);
        latestFirst.sort(Comparator.comparingLong(Profile.Heard::timestamp).reversed().thenComparing(Profile.Heard::episodeId));
        List<String> liked = new ArrayList<>();
        for (int i = latestFirst.size() - 1; i >= 0; i--) {
            if (latestFirst.get(i).positive()) {
                liked.add(latestFirst.get(i).episodeId());
            }
        }
        return liked;
    }
}
