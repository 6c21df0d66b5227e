package com.podcastpersonalize.ranker.bench;

import com.podcastpersonalize.model.DjlRuntime;
import com.podcastpersonalize.ranker.FeatureWeight;
import com.podcastpersonalize.ranker.ModelType;
import com.podcastpersonalize.ranker.RankerModel;
import com.podcastpersonalize.ranker.RankerTrainer;
import com.podcastpersonalize.ranker.TimeSplit;
import com.podcastpersonalize.ranker.TrainingOptions;
import com.podcastpersonalize.ranker.TrainingSet;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Trains the ranker on generated rows (labels from a known logistic model over ten features, 30 days,
 * 2 000 listeners) and prints Markdown: training time and rows/s per model type, the validation
 * metrics, and plain-Java scoring cost per row. Times are given as wall clock and as the CPU time of
 * the training thread (PyTorch runs on the calling thread with one intra-op thread): on a shared
 * machine the wall clock also counts the time other processes had the cores.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *   com.podcastpersonalize.ranker.bench.RankerTrainingBenchmark [rows] [djl-cache-dir]
 * </pre>
 * PyTorch's thread counts can be set with {@code -Dai.djl.pytorch.num_threads=N} and
 * {@code -Dai.djl.pytorch.num_interop_threads=N}.
 */
public final class RankerTrainingBenchmark {

    private static final double[] TRUE_WEIGHTS = { 1.5, -1.0, 0.8, 0.5, -0.5, 0.3, 0.2, -0.2, 0.1, 0.0 };
    private static final long DAY = TimeUnit.DAYS.toMillis(1);
    private static final int SCORING_ROUNDS = 30;
    private static final int SCORING_WINDOW = 1000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path cache = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"), "podcast-personalize-djl-cache-" + System.getProperty("user.name"));
        DjlRuntime.configure(cache);
        Configurator.setLevel("ai.djl", Level.ERROR); // its log lines would land in the Markdown report
        TrainingSet set = generate(rows, new Random(42));
        long cut = TimeSplit.cutDaysBeforeLatest(set, 7);
        TimeSplit split = TimeSplit.at(set, cut);

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d generated rows, %d features, %,d training rows (23 days), %,d validation rows (last 7 days); "
            + "PyTorch threads: intra-op %s, inter-op %s.", rows, TRUE_WEIGHTS.length, split.training().size(), split.validation().size(),
            System.getProperty("ai.djl.pytorch.num_threads", "default"), System.getProperty("ai.djl.pytorch.num_interop_threads", "default")));
        lines.add("");
        lines.add("Load average when the measurement started: " + Files.readString(Path.of("/proc/loadavg")).trim() + ".");
        lines.add("");
        lines.add("| model | epochs | batch | training wall s | training CPU s | training rows/s (rows × epochs / CPU s) | AUC | log loss (base rate) | NDCG@10 | Java scoring CPU ns/row, median (best) |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        // a first short run loads the engine (extracting the natives on a fresh cache) so that it is not timed
        RankerTrainer.train(set, TrainingOptions.defaults(ModelType.LOGISTIC, cut).withEpochs(1));
        RankerModel logistic = null;
        for (ModelType type : ModelType.values()) {
            TrainingOptions options = TrainingOptions.defaults(type, cut);
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            RankerModel model = RankerTrainer.train(set, options);
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %,.0f | %.3f | %.3f (%.3f) | %.3f | %s |", type.label(), model.metadata().epochs(),
                options.batchSize(), seconds, cpuSeconds, split.training().size() * (double) model.metadata().epochs() / cpuSeconds, model.metrics().auc(),
                model.metrics().logLoss(), model.metrics().baseRateLogLoss(), model.metrics().ndcgAt10(), scoringNanosPerRow(model, set)));
            if (type == ModelType.LOGISTIC) {
                logistic = model;
            }
        }
        lines.add("");
        lines.add("Learned logistic weights (original units) against the generating ones: " + logistic.featureWeights().orElseThrow().stream()
            .map(w -> String.format(Locale.ROOT, "%s %.2f (%.1f)", w.feature(), w.perUnit(), TRUE_WEIGHTS[Integer.parseInt(w.feature().substring(1))]))
            .collect(Collectors.joining(", ")) + ".");
        lines.forEach(System.out::println);
    }

    /**
     * CPU time per row, median and best of rounds. Each round scores the same 1,000 rows (a rescore
     * window's worth, in cache as at query time) 100 times: scoring 100k rows from memory would measure
     * this shared machine's memory bandwidth instead.
     */
    private static String scoringNanosPerRow(RankerModel model, TrainingSet set) {
        float[][] window = set.rows().stream().limit(SCORING_WINDOW).map(r -> r.features()).toArray(float[][]::new);
        double[] perRow = new double[SCORING_ROUNDS];
        double sink = 0;
        for (int round = 0; round < SCORING_ROUNDS; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int repeat = 0; repeat < 100; repeat++) {
                for (float[] row : window) {
                    sink += model.score(row);
                }
            }
            perRow[round] = (CPU.getCurrentThreadCpuTime() - start) / (100.0 * window.length);
        }
        if (sink == 42) {
            System.out.print(""); // keeps the scores alive
        }
        java.util.Arrays.sort(perRow);
        return String.format(Locale.ROOT, "%.0f (best %.0f)", perRow[SCORING_ROUNDS / 2], perRow[0]);
    }

    private static TrainingSet generate(int rows, Random random) {
        List<String> names = java.util.stream.IntStream.range(0, TRUE_WEIGHTS.length).mapToObj(i -> "f" + i).toList();
        TrainingSet.Builder builder = TrainingSet.builder(names);
        long start = 1_700_000_000_000L;
        for (int r = 0; r < rows; r++) {
            float[] x = new float[TRUE_WEIGHTS.length];
            double logit = -0.5;
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
                logit += TRUE_WEIGHTS[i] * x[i];
            }
            builder.add(x, random.nextDouble() < 1 / (1 + Math.exp(-logit)), "listener-" + random.nextInt(2000), start + (long) (random.nextDouble() * 30 * DAY));
        }
        return builder.build();
    }
}
