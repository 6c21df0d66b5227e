package com.podcastpersonalize.sequence.bench;

import com.podcastpersonalize.sequence.NextInterestModel;
import com.podcastpersonalize.sequence.Recentering;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The cost of serving the sequence interest: one plain-Java forward pass of the GRU (and its recentering) at the default
 * shape (384-d episode vectors, window 10, 64 input and 64 hidden units) per search, with random
 * weights (the cost does not depend on their values). Prints Markdown: microseconds per prediction,
 * wall clock and CPU time of this thread, for a full and a short history.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) \
 *   com.podcastpersonalize.sequence.bench.SequenceServingBenchmark [predictions]
 * </pre>
 */
public final class SequenceServingBenchmark {

    private static final int DIMENSION = 384, WINDOW = 10, INPUT_UNITS = 64, HIDDEN_UNITS = 64;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int predictions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(42);
        NextInterestModel model = new NextInterestModel(1, WINDOW, DIMENSION, INPUT_UNITS, HIDDEN_UNITS, new NextInterestModel.Weights(
            values(random, INPUT_UNITS * DIMENSION), values(random, INPUT_UNITS),
            values(random, 3 * HIDDEN_UNITS * INPUT_UNITS), values(random, 3 * HIDDEN_UNITS),
            values(random, 3 * HIDDEN_UNITS * HIDDEN_UNITS), values(random, 3 * HIDDEN_UNITS),
            values(random, DIMENSION * HIDDEN_UNITS), values(random, DIMENSION)
        ), new Recentering(unit(values(random, DIMENSION)), 0.8f));
        System.out.println("| history | predictions | µs per prediction (wall) | µs per prediction (CPU) |");
        System.out.println("|---|---:|---:|---:|");
        for (int length : new int[] { WINDOW, 3 }) {
            List<float[]> history = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                history.add(values(random, DIMENSION));
            }
            double sink = 0;
            for (int i = 0; i < predictions / 4; i++) { // warm-up: the JIT compiles the loops
                sink += model.predict(history)[0];
            }
            long wall = System.nanoTime(), cpu = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < predictions; i++) {
                sink += model.predict(history)[0];
            }
            double wallMicros = (System.nanoTime() - wall) / 1e3 / predictions;
            double cpuMicros = (CPU.getCurrentThreadCpuTime() - cpu) / 1e3 / predictions;
            System.out.printf(Locale.ROOT, "| %d liked episodes | %,d | %.1f | %.1f |%n", length, predictions, wallMicros, cpuMicros);
            if (Double.isNaN(sink)) {
                System.out.println("(NaN)");
            }
        }
    }

    private static float[] unit(float[] v) {
        com.podcastpersonalize.model.VectorMath.normalizeInPlace(v);
        return v;
    }

    private static float[] values(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * 0.1);
        }
        return v;
    }
}
