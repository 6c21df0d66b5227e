package com.podcastpersonalize.it.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * How a run is set up: where the data and outputs are, which data sets, how many listeners, and
 * whether the {@code personalize} systems run (they need the events API and listener profiles).
 */
public record EvaluationOptions(
    Path dataDir,
    Path outputDir,
    List<String> datasets,
    int maxListeners,
    int maxValidationListeners,
    boolean baselinesOnly,
    long seed
) {

    static final String USAGE = "OfflineEvaluation <node url> [--data DIR] [--out DIR] [--datasets movielens,podcasts] "
        + "[--max-listeners N] [--max-validation-listeners N] [--baselines-only] [--seed N]";

    public static EvaluationOptions parse(String[] args, int from) {
        Path data = Path.of("data");
        Path out = Path.of("docs");
        List<String> datasets = List.of("movielens", "podcasts");
        int maxListeners = Integer.MAX_VALUE;
        int maxValidation = 300;
        boolean baselinesOnly = false;
        long seed = 7;
        for (int i = from; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--datasets" -> datasets = List.of(value(args, ++i).split(","));
                case "--max-listeners" -> maxListeners = Integer.parseInt(value(args, ++i));
                case "--max-validation-listeners" -> maxValidation = Integer.parseInt(value(args, ++i));
                case "--baselines-only" -> baselinesOnly = true;
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: " + USAGE);
            }
        }
        for (String dataset : datasets) {
            if (!dataset.equals("movielens") && !dataset.equals("podcasts")) {
                throw new IllegalArgumentException("unknown data set " + dataset + " (movielens, podcasts)");
            }
        }
        return new EvaluationOptions(data, out, datasets, maxListeners, maxValidation, baselinesOnly, seed);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value; usage: " + USAGE);
        }
        return args[i];
    }
}
