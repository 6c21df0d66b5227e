package com.podcastpersonalize.it.eval;

import java.util.List;

/**
 * What a recommender may know about one listener at recommendation time.
 *
 * @param nodeListenerId the listener's id on the node (whose profile the events built)
 * @param trainItems     every item in the listener's training part (never recommended again)
 * @param likedItems     the training items they liked (positives), oldest first; all training items when none was liked
 * @param queryText      what they searched for, or null when they ask for recommendations
 */
public record ListenerQuery(String nodeListenerId, List<String> trainItems, List<String> likedItems, String queryText) {

    public static ListenerQuery of(String nodeListenerId, ListenerSplit split, Dataset dataset) {
        List<String> liked = split.train().stream().filter(dataset::positive).map(Interaction::item).toList();
        return new ListenerQuery(nodeListenerId, split.trainItems(), liked.isEmpty() ? split.trainItems() : liked, null);
    }

    /** The same listener searching for {@code text}. */
    public ListenerQuery searching(String text) {
        return new ListenerQuery(nodeListenerId, trainItems, likedItems, text);
    }
}
