package com.podcastpersonalize.ranker;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains a ranker: splits the set by time, standardizes with the training part's statistics, fits the
 * network on DJL's PyTorch engine, exports its weights and measures the exported model on the
 * validation part. Pure computation: the caller featurizes events, runs this off the network threads
 * and stores the result.
 *
 * <p>One training at a time per JVM: PyTorch's random generator (initial weights) is JVM-wide, so two
 * concurrent trainings would not be reproducible, and each would compete for the same cores.
 */
public final class RankerTrainer {

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private RankerTrainer() {}

    /** Trains without progress reports or cancellation. */
    public static RankerModel train(TrainingSet set, TrainingOptions options) {
        return train(set, options, progress -> {}, () -> false);
    }

    /**
     * Trains a model.
     *
     * @param progress  called after each epoch, on the training thread
     * @param cancelled checked before every batch; when it returns true training stops with a
     *                  {@link TrainingCancelledException} and no model
     * @throws IllegalArgumentException when the set cannot train a model (empty, a part without both
     *                                  labels, no rows on one side of the cut); the message says why
     * @throws IllegalStateException    when another training is running in this JVM
     */
    public static RankerModel train(TrainingSet set, TrainingOptions options, Consumer<TrainingProgress> progress, BooleanSupplier cancelled) {
        TimeSplit split = TimeSplit.at(set, options.validationCut());
        if (!ONE_AT_A_TIME.tryLock()) {
            throw new IllegalStateException("a ranker training is already running on this node; try again when it has finished");
        }
        try {
            return trainSplit(set.featureNames(), split, options, progress, cancelled);
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private static RankerModel trainSplit(
        List<String> featureNames,
        TimeSplit split,
        TrainingOptions options,
        Consumer<TrainingProgress> progress,
        BooleanSupplier cancelled
    ) {
        Standardization standardization = Standardization.fit(split.training(), featureNames.size());
        float[][] rows = standardized(split.training(), standardization);
        boolean[] labels = labels(split.training());
        long start = System.nanoTime();
        ScoringNetwork network;
        TorchNetwork.Fit fit;
        try (TorchNetwork torch = TorchNetwork.create(options.modelType(), featureNames.size(), options.hiddenUnits(), options.seed())) {
            fit = torch.fit(rows, labels, options, progress, cancelled);
            network = torch.export();
        }
        long trainingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        ModelMetadata metadata = new ModelMetadata(
            0,
            System.currentTimeMillis(),
            PyTorchEngine.description(),
            split.training().size(),
            split.validation().size(),
            options,
            fit.epochs(),
            fit.finalLoss(),
            trainingMillis
        );
        RankerModel unmeasured = new RankerModel(featureNames, standardization, network, metadata, placeholderMetrics());
        ValidationMetrics metrics = validate(unmeasured, split.validation(), positiveRate(labels));
        return new RankerModel(featureNames, standardization, network, metadata, metrics);
    }

    /** Metrics of the exported (plain Java) model, the one queries will use. */
    private static ValidationMetrics validate(RankerModel model, List<TrainingRow> validation, double trainingPositiveRate) {
        double[] logits = new double[validation.size()];
        boolean[] positive = new boolean[validation.size()];
        String[] groups = new String[validation.size()];
        for (int i = 0; i < logits.length; i++) {
            TrainingRow row = validation.get(i);
            logits[i] = model.logit(row.features());
            positive[i] = row.positive();
            groups[i] = row.group();
        }
        return ValidationMetrics.of(logits, positive, groups, trainingPositiveRate);
    }

    private static ValidationMetrics placeholderMetrics() {
        return new ValidationMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
    }

    static float[][] standardized(List<TrainingRow> rows, Standardization standardization) {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = standardization.applyAsFloats(rows.get(i).features());
        }
        return out;
    }

    private static boolean[] labels(List<TrainingRow> rows) {
        boolean[] labels = new boolean[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).positive();
        }
        return labels;
    }

    private static double positiveRate(boolean[] labels) {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        return (double) positives / labels.length;
    }
}
