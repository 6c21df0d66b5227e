package com.podcastpersonalize.sequence;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

import com.podcastpersonalize.ranker.PyTorchEngine;

import java.util.List;
import java.util.Locale;

/**
 * The next-interest network on DJL's PyTorch engine: a linear layer projects each of a listener's
 * latest positive items' vectors (oldest first, left-padded with zeros) to a few units (it keeps the
 * GRU's cost per step small), a one-layer GRU reads them, a linear layer maps its last state
 * back into the item vector space, and the result is scaled to unit length (the input of a cosine
 * k-NN search). Holds native memory until closed.
 */
public final class NextInterestNetwork implements AutoCloseable {

    private static final int PREDICT_CHUNK = 512;

    private final Model model;
    private final int window;
    private final int dimension;

    private NextInterestNetwork(Model model, int window, int dimension) {
        this.model = model;
        this.window = window;
        this.dimension = dimension;
    }

    /** Freshly initialized weights; the same seed gives the same weights. */
    public static NextInterestNetwork create(int dimension, SequenceModelOptions options) {
        PyTorchEngine.get().setRandomSeed((int) options.seed()); // PyTorch's generator draws the initial weights
        int window = options.window();
        int hiddenUnits = options.hiddenUnits();
        SequentialBlock block = new SequentialBlock()
            .add(Linear.builder().setUnits(options.inputUnits()).build())
            .add(GRU.builder().setStateSize(hiddenUnits).setNumLayers(1).optBatchFirst(true).optReturnState(false).build())
            .add(LambdaBlock.singleton(steps -> steps.get(":, -1, :"), "last_step"))
            .add(Linear.builder().setUnits(dimension).build())
            .add(LambdaBlock.singleton(NextInterestNetwork::unitRows, "unit_length"));
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        Model model = Model.newInstance("next-interest", Device.cpu(), PyTorchEngine.NAME);
        try {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, window, dimension));
            return new NextInterestNetwork(model, window, dimension);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Each row of a {@code batch × dimension} array scaled to unit length. */
    static NDArray unitRows(NDArray rows) {
        return rows.div(rows.norm(new int[] { 1 }, true).add(1e-8f));
    }

    Model model() {
        return model;
    }

    public int window() {
        return window;
    }

    public int dimension() {
        return dimension;
    }

    /** The predicted next-interest directions (unit length) of {@code histories} (catalogue positions, oldest first, non-empty). */
    public float[][] predict(ItemCatalogue catalogue, List<int[]> histories) {
        float[][] predictions = new float[histories.size()][];
        for (int from = 0; from < histories.size(); from += PREDICT_CHUNK) {
            List<int[]> chunk = histories.subList(from, Math.min(histories.size(), from + PREDICT_CHUNK));
            try (NDManager scratch = model.getNDManager().newSubManager()) {
                NDArray input = scratch.create(NextItemWindows.layout(catalogue, chunk, window), new Shape(chunk.size(), window, dimension));
                NDList out = model.getBlock().forward(new ParameterStore(scratch, false), new NDList(input), false);
                float[] flat = out.singletonOrThrow().toFloatArray();
                for (int i = 0; i < chunk.size(); i++) {
                    predictions[from + i] = java.util.Arrays.copyOfRange(flat, i * dimension, (i + 1) * dimension);
                }
            }
        }
        return predictions;
    }

    /** The trained weights as a {@link NextInterestModel} (version 0) served on the cone of {@code catalogue}, for storing and serving without the engine. */
    public NextInterestModel toModel(ItemCatalogue catalogue) {
        List<Block> layers = model.getBlock().getChildren().values();
        Block input = layers.get(0), gru = layers.get(1), output = layers.get(3);
        return new NextInterestModel(
            0,
            window,
            dimension,
            (int) parameter(input, "weight").getShape().get(0),
            (int) (parameter(gru, "h2h_weight").getShape().get(1)),
            new NextInterestModel.Weights(
                values(input, "weight"),
                values(input, "bias"),
                values(gru, "i2h_weight"),
                values(gru, "i2h_bias"),
                values(gru, "h2h_weight"),
                values(gru, "h2h_bias"),
                values(output, "weight"),
                values(output, "bias")
            ),
            Recentering.of(catalogue)
        );
    }

    private static float[] values(Block block, String suffix) {
        return parameter(block, suffix).toFloatArray();
    }

    /** A layer's parameter whose name ends with {@code suffix}, ignoring case (DJL names the GRU's {@code l_0_i2h_WEIGHT} and so on). */
    private static NDArray parameter(Block block, String suffix) {
        String wanted = suffix.toLowerCase(Locale.ROOT);
        for (var entry : block.getParameters()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).endsWith(wanted)) {
                return entry.getValue().getArray();
            }
        }
        throw new IllegalStateException("no parameter ending with [" + suffix + "] in " + block.getParameters().keys());
    }

    @Override
    public void close() {
        model.close();
    }
}
