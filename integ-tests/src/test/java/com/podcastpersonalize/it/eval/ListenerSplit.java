package com.podcastpersonalize.it.eval;

import java.util.List;

/**
 * One listener's interactions, oldest first, cut in two: what the system may learn from and what it
 * must find.
 */
public record ListenerSplit(String listener, List<Interaction> train, List<Interaction> heldOut) {

    public ListenerSplit {
        train = List.copyOf(train);
        heldOut = List.copyOf(heldOut);
    }

    /** The ids of the training items, oldest first. */
    public List<String> trainItems() {
        return train.stream().map(Interaction::item).toList();
    }
}
