package com.podcastpersonalize.sequence;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;

import com.podcastpersonalize.ranker.TrainingCancelledException;
import com.podcastpersonalize.ranker.TrainingProgress;

import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trains a {@link NextInterestNetwork} with DJL's training API: Adam, {@link CatalogueSoftmaxLoss},
 * whole epochs over the windows (as many as {@link SequenceModelOptions#epochsFor} says), each in a
 * new seeded random order. Runs on the calling thread.
 */
public final class NextInterestTrainer {

    /**
     * What a training did: epochs, examples, the mean loss of the first and last epoch, its duration,
     * and the CPU time this process spent meanwhile (PyTorch's native threads included; on a shared
     * machine a steadier figure than the duration).
     */
    public record Summary(int epochs, int examples, double firstLoss, double finalLoss, double seconds, double cpuSeconds) {}

    private final SequenceModelOptions options;

    public NextInterestTrainer(SequenceModelOptions options) {
        this.options = options;
    }

    public Summary train(NextInterestNetwork network, ItemCatalogue catalogue, NextItemWindows windows) {
        return train(network, catalogue, windows, progress -> {}, () -> false);
    }

    /**
     * As {@link #train(NextInterestNetwork, ItemCatalogue, NextItemWindows)}, telling {@code progress} after
     * each epoch and checking {@code cancelled} before every batch ({@link TrainingCancelledException}).
     */
    public Summary train(NextInterestNetwork network, ItemCatalogue catalogue, NextItemWindows windows, Consumer<TrainingProgress> progress,
        BooleanSupplier cancelled) {
        if (windows.size() == 0) {
            throw new IllegalArgumentException("no training example: every sequence has fewer than two items");
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        try (NDManager constants = network.model().getNDManager().newSubManager()) {
            NDArray candidates = constants.create(catalogue.flat(), new Shape(catalogue.size(), catalogue.dimension()));
            DefaultTrainingConfig config = new DefaultTrainingConfig(new CatalogueSoftmaxLoss(candidates, options.temperature()))
                .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(options.learningRate())).build())
                .optDevices(new Device[] { Device.cpu() });
            try (Trainer trainer = new Trainer(network.model(), config)) {
                trainer.initialize(new Shape(1, network.window(), network.dimension()));
                Random random = new Random(options.seed());
                double first = Double.NaN, last = Double.NaN;
                int epochs = options.epochsFor(windows.size());
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    last = epoch(trainer, network, windows, shuffled(windows.size(), random), epoch, cancelled);
                    if (epoch == 1) {
                        first = last;
                    }
                    progress.accept(new TrainingProgress(epoch, epochs, (double) epoch / epochs, last));
                }
                return new Summary(epochs, windows.size(), first, last, (System.nanoTime() - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9);
            }
        }
    }

    private double epoch(Trainer trainer, NextInterestNetwork network, NextItemWindows windows, int[] order, int epoch, BooleanSupplier cancelled) {
        double lossSum = 0;
        for (int from = 0; from < order.length; from += options.batchSize()) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(epoch, from / options.batchSize() + 1);
            }
            int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + options.batchSize()));
            try (NDManager scratch = trainer.getManager().newSubManager()) {
                NDArray histories = scratch.create(windows.histories(batch), new Shape(batch.length, network.window(), network.dimension()));
                NDArray targets = scratch.create(windows.targets(batch));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(histories));
                    NDArray loss = trainer.getLoss().evaluate(new NDList(targets), predictions);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * batch.length;
                }
                trainer.step();
            }
        }
        return lossSum / order.length;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
