package com.podcastpersonalize.sequence;

/**
 * How the next-interest model is shaped and trained. The defaults were chosen on the validation
 * split of both data sets (each listener's training part split again), never on the test split.
 *
 * @param window        positive items read per listener (the latest ones)
 * @param inputUnits    size of the linear projection of each item vector before the GRU
 * @param hiddenUnits   the GRU's state size
 * @param latestTargets training windows per listener: those ending at their latest positive items
 * @param steps         optimizer steps to take at least (whole epochs: a small data set gets more epochs)
 * @param batchSize     windows per step
 * @param learningRate  Adam's step size
 * @param temperature   cosine ÷ temperature are the softmax logits
 * @param seed          weights and batch order
 */
public record SequenceModelOptions(
    int window,
    int inputUnits,
    int hiddenUnits,
    int latestTargets,
    int steps,
    int batchSize,
    float learningRate,
    float temperature,
    long seed
) {

    public SequenceModelOptions {
        if (window < 1 || inputUnits < 1 || hiddenUnits < 1 || latestTargets < 1 || steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("sizes and counts must be at least 1: " + this);
        }
        if (!(learningRate > 0 && temperature > 0)) {
            throw new IllegalArgumentException("learning rate and temperature must be positive: " + this);
        }
    }

    /**
     * Window 10 (20 did no better on validation, at twice the cost), 64 input and 64 hidden units
     * (128 hidden did no better), temperature 0.02 (0.1, 0.05, 0.03, 0.02, 0.01 tried: lower was
     * better on MovieLens down to 0.01, which lost on podcasts), 300 steps of 256 windows.
     */
    public static SequenceModelOptions defaults(long seed) {
        return new SequenceModelOptions(10, 64, 64, 50, 300, 256, 0.003f, 0.02f, seed);
    }

    /** The epochs that take at least {@link #steps} steps over {@code examples} windows. */
    public int epochsFor(int examples) {
        int batches = Math.max(1, (examples + batchSize - 1) / batchSize);
        return Math.max(1, (steps + batches - 1) / batches);
    }
}
