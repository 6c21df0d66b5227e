package com.podcastpersonalize.ranker;

import com.podcastpersonalize.model.DjlTestCache;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Generated training sets whose labels come from known models, shared by the ranker tests. */
final class RankerFixtures {

    static final long DAY = TimeUnit.DAYS.toMillis(1);
    static final long START = 1_700_000_000_000L;

    private RankerFixtures() {}

    /** DJL configured with the shared test cache folder (PyTorch natives are extracted once per machine). */
    static void configureDjl() {
        DjlTestCache.configure();
    }

    /**
     * Features with different scales and offsets (so original-unit weights differ from standardized ones);
     * labels drawn from {@code sigmoid(bias + weights · x)} in original units; rows spread over 30 days and
     * {@code groups} listeners.
     */
    static TrainingSet logistic(int rows, double[] weights, double bias, int groups, long seed) {
        Random random = new Random(seed);
        List<String> names = featureNames(weights.length);
        TrainingSet.Builder builder = TrainingSet.builder(names);
        for (int r = 0; r < rows; r++) {
            float[] x = new float[weights.length];
            double logit = bias;
            for (int i = 0; i < x.length; i++) {
                double scale = 1 + i % 2; // standard deviations 1, 0.5, 1, 0.5, ...
                x[i] = (float) (random.nextGaussian() / scale + 0.5 * i);
                logit += weights[i] * (x[i] - 0.5 * i);
            }
            builder.add(x, random.nextDouble() < 1 / (1 + Math.exp(-logit)), "listener-" + random.nextInt(groups), START + (long) (random.nextDouble() * 30 * DAY));
        }
        return builder.build();
    }

    /**
     * XOR-like: positive when the first two features have the same sign (5 % of labels flipped), two
     * noise features. No linear model does better than chance; one hidden layer can.
     */
    static TrainingSet xor(int rows, long seed) {
        Random random = new Random(seed);
        TrainingSet.Builder builder = TrainingSet.builder(featureNames(4));
        for (int r = 0; r < rows; r++) {
            float a = (float) (random.nextDouble() * 2 - 1);
            float b = (float) (random.nextDouble() * 2 - 1);
            boolean positive = (a > 0) == (b > 0);
            if (random.nextDouble() < 0.05) {
                positive = !positive;
            }
            float[] x = { a, b, (float) random.nextGaussian(), (float) random.nextGaussian() };
            builder.add(x, positive, "listener-" + random.nextInt(50), START + (long) (random.nextDouble() * 30 * DAY));
        }
        return builder.build();
    }

    /** Metadata for models built by hand in tests. */
    static ModelMetadata metadata(ModelType type, int hiddenUnits) {
        TrainingOptions options = TrainingOptions.defaults(type, START + 23 * DAY).withHiddenUnits(hiddenUnits);
        return new ModelMetadata(0, START + 31 * DAY, "PyTorch 2.7.1", 800, 200, options, 50, 0.5, 1234);
    }

    static ValidationMetrics someMetrics() {
        return new ValidationMetrics(0.81, 0.52, 0.69, 0.44, 200, 60, 17);
    }

    static List<String> featureNames(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "f" + i).toList();
    }

    /** Validation = the last 7 of the 30 days. */
    static long lastWeek(TrainingSet set) {
        return TimeSplit.cutDaysBeforeLatest(set, 7);
    }
}
