package com.podcastpersonalize.it.eval;

import java.util.Set;

/**
 * One listener to recommend for: what may be known of them, what they went on to like, and what
 * they had already seen.
 */
public record EvaluationCase(ListenerQuery query, Set<String> relevant, Set<String> seen) {

    public EvaluationCase {
        relevant = Set.copyOf(relevant);
        seen = Set.copyOf(seen);
    }

    /** The case of {@code split} for the listener known to the node as {@code nodeListenerId}, or null when nothing held out is relevant. */
    public static EvaluationCase of(String nodeListenerId, ListenerSplit split, Dataset dataset) {
        Set<String> relevant = new java.util.HashSet<>();
        for (Interaction interaction : split.heldOut()) {
            if (dataset.positive(interaction)) {
                relevant.add(interaction.item());
            }
        }
        if (relevant.isEmpty()) {
            return null;
        }
        return new EvaluationCase(ListenerQuery.of(nodeListenerId, split, dataset), relevant, Set.copyOf(split.trainItems()));
    }
}
