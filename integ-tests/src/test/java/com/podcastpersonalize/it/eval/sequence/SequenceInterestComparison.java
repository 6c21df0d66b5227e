package com.podcastpersonalize.it.eval.sequence;

import com.podcastpersonalize.it.eval.Dataset;
import com.podcastpersonalize.it.eval.EvaluationCase;
import com.podcastpersonalize.it.eval.Interaction;
import com.podcastpersonalize.it.eval.ListenerSplit;
import com.podcastpersonalize.it.eval.Progress;
import com.podcastpersonalize.it.eval.SystemEvaluator;
import com.podcastpersonalize.it.eval.SystemResult;
import com.podcastpersonalize.it.support.JsonNodeClient;
import com.podcastpersonalize.model.DjlTestCache;
import com.podcastpersonalize.sequence.ItemCatalogue;
import com.podcastpersonalize.sequence.NextInterestNetwork;
import com.podcastpersonalize.sequence.NextInterestTrainer;
import com.podcastpersonalize.sequence.NextItemWindows;
import com.podcastpersonalize.sequence.SequenceModelOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 8's sequence-aware interest, as an experiment next to the other systems: k-NN on the
 * listener's decayed short-term interest (the plugin's own, read from the profile), k-NN on the
 * next interest a GRU predicts from the listener's latest positive items, and k-NN on the two
 * combined. The GRU is trained here, on every listener's training part (never a held-out item).
 */
public final class SequenceInterestComparison {

    public static final String SHORT_TERM = "k-NN on short-term interest";
    public static final String GRU = "k-NN on GRU next interest";
    public static final String COMBINED = "k-NN on short-term + GRU";
    /** The key of the GRU's training time in the data set's {@code seconds}. */
    public static final String TRAINING_SECONDS = "sequence model training";

    private final JsonNodeClient client;
    private final String index;
    private final Map<String, float[]> vectors;
    private final SequenceModelOptions options;

    public SequenceInterestComparison(JsonNodeClient client, String index, Map<String, float[]> vectors, long seed) {
        this.client = client;
        this.index = index;
        this.vectors = vectors;
        this.options = SequenceModelOptions.defaults(seed);
    }

    /** Trains the GRU, evaluates the three systems on {@code cases} and records the training time in {@code seconds}. */
    public List<SystemResult> evaluate(Dataset dataset, List<ListenerSplit> splits, List<EvaluationCase> cases, SystemEvaluator evaluator,
        Map<String, Double> seconds) throws IOException {
        ItemCatalogue catalogue = ItemCatalogue.of(vectors);
        NextItemWindows windows = new NextItemWindows(catalogue, trainingSequences(splits, dataset, catalogue), options.window(), options.latestTargets());
        Map<String, float[]> predicted = new HashMap<>();
        String trained;
        useAllCores();
        try (NextInterestNetwork network = NextInterestNetwork.create(catalogue.dimension(), options)) {
            NextInterestTrainer.Summary summary = new NextInterestTrainer(options).train(network, catalogue, windows);
            seconds.put(TRAINING_SECONDS, summary.seconds());
            trained = String.format(Locale.ROOT, "%d epochs over %d windows of %d listeners in %.0f s (%.0f s of CPU), loss %.3f → %.3f (uniform: %.3f)",
                summary.epochs(), summary.examples(), splits.size(), summary.seconds(), summary.cpuSeconds(), summary.firstLoss(), summary.finalLoss(),
                Math.log(catalogue.size()));
            Progress.log(dataset.name() + ": GRU next-interest model trained, " + trained);
            List<String> listeners = new ArrayList<>();
            List<int[]> histories = new ArrayList<>();
            for (EvaluationCase c : cases) {
                int[] history = catalogue.positions(c.query().likedItems());
                if (history.length > 0) {
                    listeners.add(c.query().nodeListenerId());
                    histories.add(history);
                }
            }
            float[][] predictions = network.predict(catalogue, histories);
            for (int i = 0; i < listeners.size(); i++) {
                predicted.put(listeners.get(i), predictions[i]);
            }
        }
        Map<String, float[]> shortTerm = new HashMap<>();
        Map<String, float[]> combined = new HashMap<>();
        ShortTermInterestReader reader = new ShortTermInterestReader(client);
        for (EvaluationCase c : cases) {
            String listener = c.query().nodeListenerId();
            float[] recent = reader.read(listener);
            if (recent != null) {
                shortTerm.put(listener, recent);
            }
            float[] both = UnitVectors.blend(recent, predicted.get(listener));
            if (both != null) {
                combined.put(listener, both);
            }
        }
        String model = String.format(Locale.ROOT, "GRU (item vectors projected to %d units, %d hidden units) over the latest %d positive items, "
            + "trained by softmax over the catalogue at temperature %s; %s", options.inputUnits(), options.hiddenUnits(), options.window(), options.temperature(), trained);
        return List.of(
            evaluator.evaluate(new InterestVectorKnnRecommender(client, index, SHORT_TERM,
                "knn text_vector, k 10, vector = the plugin profile's short_term interest (decayed), training items filtered out", shortTerm), cases),
            evaluator.evaluate(new InterestVectorKnnRecommender(client, index, GRU,
                "knn text_vector, k 10, vector = " + model + ", training items filtered out", predicted), cases),
            evaluator.evaluate(new InterestVectorKnnRecommender(client, index, COMBINED,
                "knn text_vector, k 10, vector = unit sum of the short-term and the GRU's unit vectors, training items filtered out", combined), cases)
        );
    }

    /** Each listener's positive training items with a vector, oldest first, as catalogue positions. */
    static List<int[]> trainingSequences(List<ListenerSplit> splits, Dataset dataset, ItemCatalogue catalogue) {
        List<int[]> sequences = new ArrayList<>();
        for (ListenerSplit split : splits) {
            sequences.add(catalogue.positions(split.train().stream().filter(dataset::positive).map(Interaction::item).toList()));
        }
        return sequences;
    }

    /**
     * DJL with the test cache folder, and PyTorch on every core: this JVM trains while the node waits
     * (the plugin keeps PyTorch to one thread, to leave the node's search threads alone).
     */
    private static void useAllCores() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        DjlTestCache.configure();
    }
}
