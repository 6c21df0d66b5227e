package com.podcastpersonalize.sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * The training examples of the next-interest model: in every listener's sequence of positive items
 * (time order), each of the latest {@code latestTargets} items (from the second item on) is a target,
 * and the up to {@code window} items before it are its history. (Capping the targets per listener
 * keeps the few listeners with thousands of ratings from dominating the training.) Histories are laid out left-padded with zero vectors, so that the latest item
 * is always the last step the network reads.
 */
public final class NextItemWindows {

    private final ItemCatalogue catalogue;
    private final int window;
    private final List<int[]> sequences;
    private final int[] sequenceOf;
    private final int[] stepOf;

    /** {@code sequences}: catalogue positions, oldest first; sequences shorter than 2 give no example. */
    public NextItemWindows(ItemCatalogue catalogue, List<int[]> sequences, int window, int latestTargets) {
        if (window < 1 || latestTargets < 1) {
            throw new IllegalArgumentException("window and latest targets must be at least 1, got " + window + " and " + latestTargets);
        }
        this.catalogue = catalogue;
        this.window = window;
        this.sequences = List.copyOf(sequences);
        List<int[]> examples = new ArrayList<>();
        for (int s = 0; s < this.sequences.size(); s++) {
            int length = this.sequences.get(s).length;
            for (int t = Math.max(1, length - latestTargets); t < length; t++) {
                examples.add(new int[] { s, t });
            }
        }
        this.sequenceOf = examples.stream().mapToInt(e -> e[0]).toArray();
        this.stepOf = examples.stream().mapToInt(e -> e[1]).toArray();
    }

    public int size() {
        return sequenceOf.length;
    }

    public int window() {
        return window;
    }

    /** The histories of {@code examples}, {@code examples.length × window × dimension}, row-major. */
    public float[] histories(int[] examples) {
        List<int[]> histories = new ArrayList<>(examples.length);
        for (int example : examples) {
            int[] sequence = sequences.get(sequenceOf[example]);
            int end = stepOf[example];
            histories.add(java.util.Arrays.copyOfRange(sequence, Math.max(0, end - window), end));
        }
        return layout(catalogue, histories, window);
    }

    /** The catalogue positions of the items that followed {@code examples}' histories. */
    public int[] targets(int[] examples) {
        int[] targets = new int[examples.length];
        for (int i = 0; i < examples.length; i++) {
            targets[i] = sequences.get(sequenceOf[examples[i]])[stepOf[examples[i]]];
        }
        return targets;
    }

    /**
     * Histories as one {@code histories.size() × window × dimension} block: each history's last
     * {@code window} items, left-padded with zeros.
     */
    public static float[] layout(ItemCatalogue catalogue, List<int[]> histories, int window) {
        int dimension = catalogue.dimension();
        float[] block = new float[histories.size() * window * dimension];
        for (int h = 0; h < histories.size(); h++) {
            int[] history = histories.get(h);
            int used = Math.min(window, history.length);
            for (int k = 0; k < used; k++) {
                float[] vector = catalogue.vector(history[history.length - used + k]);
                System.arraycopy(vector, 0, block, (h * window + window - used + k) * dimension, dimension);
            }
        }
        return block;
    }
}
