package com.podcastpersonalize.ranker;

/**
 * How to train: the model type, where validation starts (epoch milliseconds; rows at or after it
 * validate), and the optimizer's settings. Defaults suit a few thousand to a few hundred thousand rows
 * of about ten features.
 *
 * @param epochs      passes over the training rows, or {@link #AUTO_EPOCHS}: enough passes for about
 *                    {@value #AUTO_MIN_STEPS} optimizer steps (small sets need many passes to converge,
 *                    large ones few), between {@value #AUTO_MIN_EPOCHS} and {@value #AUTO_MAX_EPOCHS}
 * @param weightDecay L2 penalty of Adam on all parameters (0 = none)
 * @param seed        makes training reproducible: the same set, options and seed give the same model
 */
public record TrainingOptions(
    ModelType modelType,
    long validationCut,
    int epochs,
    int batchSize,
    float learningRate,
    float weightDecay,
    int hiddenUnits,
    int seed
) {

    public static final int AUTO_EPOCHS = 0;
    static final int AUTO_MIN_STEPS = 2000;
    static final int AUTO_MIN_EPOCHS = 5;
    static final int AUTO_MAX_EPOCHS = 200;
    public static final int DEFAULT_BATCH_SIZE = 256;
    public static final float DEFAULT_LEARNING_RATE = 0.01f;
    public static final int DEFAULT_HIDDEN_UNITS = 16;
    public static final int DEFAULT_SEED = 42;

    public TrainingOptions {
        if (modelType == null) {
            throw new IllegalArgumentException("[model] is required");
        }
        requireRange("epochs", epochs, AUTO_EPOCHS, 10_000);
        requireRange("batch_size", batchSize, 1, 1 << 16);
        requireRange("hidden_units", hiddenUnits, 1, 1024);
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("[learning_rate] must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("[weight_decay] must be zero or positive, got " + weightDecay);
        }
    }

    /** The defaults for {@code modelType}, validating from {@code validationCut} on. */
    public static TrainingOptions defaults(ModelType modelType, long validationCut) {
        return new TrainingOptions(modelType, validationCut, AUTO_EPOCHS, DEFAULT_BATCH_SIZE, DEFAULT_LEARNING_RATE, 0f, DEFAULT_HIDDEN_UNITS, DEFAULT_SEED);
    }

    /** The epochs to run over {@code trainingRows} rows: {@link #epochs()}, or the automatic choice. */
    public int epochsFor(int trainingRows) {
        if (epochs != AUTO_EPOCHS) {
            return epochs;
        }
        int batchesPerEpoch = Math.max(1, (trainingRows + batchSize - 1) / batchSize);
        int epochsForMinSteps = (AUTO_MIN_STEPS + batchesPerEpoch - 1) / batchesPerEpoch;
        return Math.min(AUTO_MAX_EPOCHS, Math.max(AUTO_MIN_EPOCHS, epochsForMinSteps));
    }

    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(modelType, validationCut, value, batchSize, learningRate, weightDecay, hiddenUnits, seed);
    }

    public TrainingOptions withValidationCutOf(long value) {
        return new TrainingOptions(modelType, value, epochs, batchSize, learningRate, weightDecay, hiddenUnits, seed);
    }

    public TrainingOptions withBatchSize(int value) {
        return new TrainingOptions(modelType, validationCut, epochs, value, learningRate, weightDecay, hiddenUnits, seed);
    }

    public TrainingOptions withLearningRate(float value) {
        return new TrainingOptions(modelType, validationCut, epochs, batchSize, value, weightDecay, hiddenUnits, seed);
    }

    public TrainingOptions withWeightDecay(float value) {
        return new TrainingOptions(modelType, validationCut, epochs, batchSize, learningRate, value, hiddenUnits, seed);
    }

    public TrainingOptions withHiddenUnits(int value) {
        return new TrainingOptions(modelType, validationCut, epochs, batchSize, learningRate, weightDecay, value, seed);
    }

    public TrainingOptions withSeed(int value) {
        return new TrainingOptions(modelType, validationCut, epochs, batchSize, learningRate, weightDecay, hiddenUnits, value);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("[" + name + "] must be between " + min + " and " + max + ", got " + value);
        }
    }
}
