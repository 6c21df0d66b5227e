package com.podcastpersonalize.ranker;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The network on DJL's PyTorch engine: built, trained on standardized rows with Adam and sigmoid binary
 * cross-entropy, and exported to a {@link ScoringNetwork} for plain-Java scoring. Holds native memory
 * until closed.
 */
final class TorchNetwork implements AutoCloseable {

    private final ModelType type;
    private final int inputCount;
    private final Model model;
    private final Linear hidden; // null for logistic
    private final Linear output;

    private TorchNetwork(ModelType type, int inputCount, Model model, Linear hidden, Linear output) {
        this.type = type;
        this.inputCount = inputCount;
        this.model = model;
        this.hidden = hidden;
        this.output = output;
    }

    /** A network with freshly initialized weights; the same seed gives the same weights. */
    static TorchNetwork create(ModelType type, int inputCount, int hiddenUnits, int seed) {
        Engine engine = PyTorchEngine.get();
        engine.setRandomSeed(seed); // PyTorch's generator draws the initial weights
        Linear output = Linear.builder().setUnits(1).build();
        Linear hidden = null;
        Block block = output;
        if (type == ModelType.MLP) {
            hidden = Linear.builder().setUnits(hiddenUnits).build();
            block = new SequentialBlock().add(hidden).add(Activation::relu).add(output);
        }
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        Model model = Model.newInstance("podcast-ranker", Device.cpu(), PyTorchEngine.NAME);
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, inputCount));
            return new TorchNetwork(type, inputCount, model, hidden, output);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Result of {@link #fit}: the epochs run and the mean loss of the last one. */
    record Fit(int epochs, double finalLoss) {}

    /**
     * Trains on {@code rows} (standardized, row-major) and their labels. Checks {@code cancelled} before
     * every batch and throws {@link TrainingCancelledException} when it says so; reports each epoch.
     */
    Fit fit(float[][] rows, boolean[] positive, TrainingOptions options, Consumer<TrainingProgress> progress, BooleanSupplier cancelled) {
        Optimizer adam = Adam.builder()
            .optLearningRateTracker(Tracker.fixed(options.learningRate()))
            .optWeightDecays(options.weightDecay())
            .build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
            .optOptimizer(adam)
            .optDevices(new Device[] { Device.cpu() });
        try (NDManager data = model.getNDManager().newSubManager(); Trainer trainer = new Trainer(model, config)) {
            trainer.initialize(new Shape(1, inputCount));
            ArrayDataset dataset = new ArrayDataset.Builder().setData(matrix(data, rows))
                .optLabels(data.create(labels(positive), new Shape(positive.length, 1)))
                .setSampling(new BatchSampler(new SeededShuffleSampler(options.seed()), options.batchSize(), false))
                .build();
            int epochs = options.epochsFor(rows.length);
            double epochLoss = Double.NaN;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                epochLoss = trainEpoch(trainer, dataset, rows.length, epoch, cancelled);
                progress.accept(new TrainingProgress(epoch, epochs, (double) epoch / epochs, epochLoss));
            }
            return new Fit(epochs, epochLoss);
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("ranker training failed reading its batches", e);
        }
    }

    private static double trainEpoch(Trainer trainer, ArrayDataset dataset, int rowCount, int epoch, BooleanSupplier cancelled)
        throws IOException, TranslateException {
        double lossSum = 0;
        int batchNumber = 0;
        for (Batch batch : trainer.iterateDataset(dataset)) {
            try (batch) {
                batchNumber++;
                if (cancelled.getAsBoolean()) {
                    throw new TrainingCancelledException(epoch, batchNumber);
                }
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList logits = trainer.forward(batch.getData());
                    NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), logits);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * batch.getSize();
                }
                trainer.step();
            }
        }
        return lossSum / rowCount;
    }

    /** The network's logits for standardized rows, computed by PyTorch. */
    double[] logits(float[][] rows) {
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            NDArray input = matrix(scratch, rows);
            NDList out = model.getBlock().forward(new ParameterStore(scratch, false), new NDList(input), false);
            float[] values = out.singletonOrThrow().toFloatArray();
            double[] logits = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                logits[i] = values[i];
            }
            return logits;
        }
    }

    /** The learned weights, copied out for scoring without DJL. */
    ScoringNetwork export() {
        float[] outputWeights = weights(output);
        float outputBias = bias(output)[0];
        if (type == ModelType.LOGISTIC) {
            return new LinearNetwork(outputWeights, outputBias);
        }
        float[] flat = weights(hidden); // units x inputs, row-major
        float[][] hiddenWeights = new float[flat.length / inputCount][inputCount];
        for (int j = 0; j < hiddenWeights.length; j++) {
            System.arraycopy(flat, j * inputCount, hiddenWeights[j], 0, inputCount);
        }
        return new MlpNetwork(hiddenWeights, bias(hidden), outputWeights, outputBias);
    }

    private static float[] weights(Linear layer) {
        return layer.getParameters().get("weight").getArray().toFloatArray();
    }

    private static float[] bias(Linear layer) {
        return layer.getParameters().get("bias").getArray().toFloatArray();
    }

    private NDArray matrix(NDManager manager, float[][] rows) {
        float[] flat = new float[rows.length * inputCount];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * inputCount, inputCount);
        }
        return manager.create(flat, new Shape(rows.length, inputCount));
    }

    private static float[] labels(boolean[] positive) {
        float[] labels = new float[positive.length];
        for (int i = 0; i < positive.length; i++) {
            labels[i] = positive[i] ? 1f : 0f;
        }
        return labels;
    }

    @Override
    public void close() {
        model.close();
    }
}
