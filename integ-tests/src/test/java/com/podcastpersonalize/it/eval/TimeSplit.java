package com.podcastpersonalize.it.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-listener time split: each listener's interactions in time order (ties by item id), the
 * latest {@code fraction} held out (rounded, at least one), the rest for training. A listener with
 * fewer than two interactions has nothing to hold out and is left out. Applied to a split's training
 * part it gives the validation split used for tuning.
 */
public final class TimeSplit {

    private static final Comparator<Interaction> ORDER = Comparator.comparingLong(Interaction::timestamp).thenComparing(Interaction::item);

    private TimeSplit() {}

    public static List<ListenerSplit> split(List<Interaction> interactions, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + fraction);
        }
        Map<String, List<Interaction>> byListener = new LinkedHashMap<>();
        for (Interaction interaction : interactions) {
            byListener.computeIfAbsent(interaction.listener(), l -> new ArrayList<>()).add(interaction);
        }
        List<ListenerSplit> splits = new ArrayList<>();
        for (Map.Entry<String, List<Interaction>> entry : byListener.entrySet()) {
            List<Interaction> ordered = new ArrayList<>(entry.getValue());
            if (ordered.size() < 2) {
                continue;
            }
            ordered.sort(ORDER);
            int heldOut = Math.min(ordered.size() - 1, Math.max(1, (int) Math.round(fraction * ordered.size())));
            int cut = ordered.size() - heldOut;
            splits.add(new ListenerSplit(entry.getKey(), ordered.subList(0, cut), ordered.subList(cut, ordered.size())));
        }
        return splits;
    }

    /** The validation split: each listener's training part split again the same way. */
    public static List<ListenerSplit> validation(List<ListenerSplit> splits, double fraction) {
        List<Interaction> training = new ArrayList<>();
        for (ListenerSplit split : splits) {
            training.addAll(split.train());
        }
        return split(training, fraction);
    }
}
