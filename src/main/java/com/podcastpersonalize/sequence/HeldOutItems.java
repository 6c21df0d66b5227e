package com.podcastpersonalize.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.podcastpersonalize.ranker.PyTorchEngine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validation of a sequence model: each listener's latest liked episode is held out (when they liked
 * at least three), the model trains on the rest, and then predicts it from the episodes before. Figures:
 * the hit rate at 10 (the held-out episode among the 10 catalogue episodes closest to the served,
 * {@link Recentering recentered} prediction), the mean catalogue softmax loss of the network's own
 * prediction (the training loss's measure), and the hit rate of the plain mean of the same history.
 */
public final class HeldOutItems {

    /** Listeners need this many liked episodes to give one to validation: two stay to train on. */
    static final int MIN_LENGTH = 3;
    static final int K = 10;
    private static final int CHUNK = 256;

    /**
     * @param windows         held-out items predicted
     * @param hitRateAt10     of the served prediction
     * @param softmaxLoss     of the network's prediction, at its training temperature
     * @param meanHitRateAt10 of the unit mean of the same history (the items the model read)
     */
    public record Figures(int windows, double hitRateAt10, double softmaxLoss, double meanHitRateAt10) {}

    private final List<int[]> training = new ArrayList<>();
    private final List<int[]> histories = new ArrayList<>();
    private final int[] targets;

    public HeldOutItems(List<int[]> sequences) {
        List<Integer> held = new ArrayList<>();
        for (int[] sequence : sequences) {
            if (sequence.length >= MIN_LENGTH) {
                training.add(Arrays.copyOf(sequence, sequence.length - 1));
                histories.add(Arrays.copyOf(sequence, sequence.length - 1));
                held.add(sequence[sequence.length - 1]);
            } else {
                training.add(sequence);
            }
        }
        targets = held.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The sequences to train on: every sequence without its held-out item. */
    public List<int[]> training() {
        return training;
    }

    public int size() {
        return targets.length;
    }

    /** The figures of {@code network}'s predictions; null when no item was held out. */
    public Figures evaluate(NextInterestNetwork network, ItemCatalogue catalogue, float temperature) {
        if (targets.length == 0) {
            return null;
        }
        float[][] predicted = network.predict(catalogue, histories);
        Recentering recentering = Recentering.of(catalogue);
        float[][] served = new float[predicted.length][];
        for (int i = 0; i < predicted.length; i++) {
            served[i] = recentering.apply(predicted[i]);
        }
        float[][] means = new float[histories.size()][];
        for (int i = 0; i < means.length; i++) {
            means[i] = unitMean(catalogue, histories.get(i), network.window());
        }
        int hits = 0, meanHits = 0;
        double loss = 0;
        try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
            NDArray candidates = manager.create(catalogue.flat(), new Shape(catalogue.size(), catalogue.dimension())).transpose();
            for (int from = 0; from < targets.length; from += CHUNK) {
                int to = Math.min(targets.length, from + CHUNK);
                float[] scores = scores(manager, candidates, predicted, from, to, catalogue);
                float[] servedScores = scores(manager, candidates, served, from, to, catalogue);
                float[] meanScores = scores(manager, candidates, means, from, to, catalogue);
                for (int i = from; i < to; i++) {
                    int row = (i - from) * catalogue.size();
                    hits += rank(servedScores, row, catalogue.size(), targets[i]) < K ? 1 : 0;
                    meanHits += rank(meanScores, row, catalogue.size(), targets[i]) < K ? 1 : 0;
                    loss += softmaxLoss(scores, row, catalogue.size(), targets[i], temperature);
                }
            }
        }
        return new Figures(targets.length, (double) hits / targets.length, loss / targets.length, (double) meanHits / targets.length);
    }

    private static float[] scores(NDManager manager, NDArray candidates, float[][] rows, int from, int to, ItemCatalogue catalogue) {
        float[] flat = new float[(to - from) * catalogue.dimension()];
        for (int i = from; i < to; i++) {
            System.arraycopy(rows[i], 0, flat, (i - from) * catalogue.dimension(), catalogue.dimension());
        }
        try (NDManager scratch = manager.newSubManager()) {
            return scratch.create(flat, new Shape(to - from, catalogue.dimension())).matMul(candidates).toFloatArray();
        }
    }

    /** How many catalogue items score above the target (0: it is the best). */
    private static int rank(float[] scores, int row, int size, int target) {
        float own = scores[row + target];
        int above = 0;
        for (int j = 0; j < size; j++) {
            if (scores[row + j] > own) {
                above++;
            }
        }
        return above;
    }

    private static double softmaxLoss(float[] scores, int row, int size, int target, float temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < size; j++) {
            max = Math.max(max, scores[row + j] / temperature);
        }
        double sum = 0;
        for (int j = 0; j < size; j++) {
            sum += Math.exp(scores[row + j] / temperature - max);
        }
        return max + Math.log(sum) - scores[row + target] / temperature;
    }

    private static float[] unitMean(ItemCatalogue catalogue, int[] history, int window) {
        float[] mean = new float[catalogue.dimension()];
        for (int k = Math.max(0, history.length - window); k < history.length; k++) {
            float[] v = catalogue.vector(history[k]);
            for (int d = 0; d < mean.length; d++) {
                mean[d] += v[d];
            }
        }
        com.podcastpersonalize.model.VectorMath.normalizeInPlace(mean);
        return mean;
    }
}
