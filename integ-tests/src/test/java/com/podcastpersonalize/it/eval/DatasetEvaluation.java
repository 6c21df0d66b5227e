package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.eval.search.SearchEvaluation;
import com.podcastpersonalize.it.eval.sequence.SequenceInterestComparison;
import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.common.xcontent.json.JsonXContent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The evaluation of one data set on the node: split, index the catalogue through the pipeline, build
 * the listeners' profiles through the events API (test profiles from the training part, validation
 * profiles from the training part minus its latest share), train the collaborative model from the
 * validation events and tune {@code personalize} on validation, then train it, the learned ranker and
 * the sequence model from the stored events and run every system on the test split, then the same
 * listeners' searches ({@link SearchEvaluation}).
 */
public final class DatasetEvaluation {

    static final String TEST_PREFIX = "test-";
    static final String VALIDATION_PREFIX = "val-";
    /** The largest {@code recent_heard_size} the node accepts: every training item is then excluded by {@code exclude_heard}. */
    static final int HEARD_SIZE = 10_000;

    private final JsonNodeClient client;
    private final EvaluationOptions options;

    public DatasetEvaluation(JsonNodeClient client, EvaluationOptions options) {
        this.client = client;
        this.options = options;
    }

    public DatasetResult run(Dataset dataset) throws IOException, InterruptedException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        String index = "eval-" + dataset.name();
        List<ListenerSplit> splits = TimeSplit.split(dataset.interactions(), dataset.heldOutFraction());
        List<ListenerSplit> validationSplits = TimeSplit.validation(splits, dataset.heldOutFraction());

        long start = System.nanoTime();
        new CatalogueIndexer(client).index(index, dataset, countByItem(splits), countByItem(validationSplits));
        Map<String, float[]> vectors = VectorTable.load(client, index);
        seconds.put("index", elapsed(start));
        Progress.log(dataset.name() + ": " + vectors.size() + " of " + dataset.items().size() + " items have a text vector");

        List<EvaluationCase> allCases = cases(TEST_PREFIX, splits, dataset, null);
        List<EvaluationCase> testCases = sample(allCases, options.maxListeners());
        Set<String> sampled = testCases.stream().map(c -> c.query().nodeListenerId().substring(TEST_PREFIX.length())).collect(Collectors.toSet());
        List<EvaluationCase> validationCases = sample(cases(VALIDATION_PREFIX, validationSplits, dataset, sampled), options.maxValidationListeners());
        Progress.log(String.format(java.util.Locale.ROOT, "%s: %d listeners, %d with a relevant held-out item, %d evaluated, %d for validation",
            dataset.name(), splits.size(), allCases.size(), testCases.size(), validationCases.size()));

        SystemEvaluator evaluator = new SystemEvaluator(vectors, dataset.items().size());
        List<SystemResult> systems = new ArrayList<>();
        start = System.nanoTime();
        systems.add(evaluator.evaluate(new PopularityRecommender(client, index, "play_count"), testCases));
        systems.add(evaluator.evaluate(new MeanVectorKnnRecommender(client, index, vectors), testCases));
        systems.add(evaluator.evaluate(new MoreLikeThisRecommender(client, index, dataset.textFields()), testCases));
        ItemCooccurrenceRecommender collaborative = new ItemCooccurrenceRecommender(splits, dataset);
        systems.add(evaluator.evaluate(collaborative, testCases));
        seconds.put("baselines", elapsed(start));
        if (options.baselinesOnly()) {
            return new DatasetResult(dataset.name(), dataset.description(), dataset.items().size(), testCases.size(), allCases.size(), 0, systems, null, seconds);
        }

        start = System.nanoTime();
        configureEventsFor(index);
        ListenerEventsLoader loader = new ListenerEventsLoader(client);
        // every listener's training part goes in (not only the evaluated ones): co-listening learns from all of them,
        // as the client-side reference does
        int events = loader.load(dataset, splits, TEST_PREFIX);
        events += loader.load(dataset, validationSplits, VALIDATION_PREFIX);
        client.send("POST", "/_refresh", (String) null);
        seconds.put("events", elapsed(start));

        start = System.nanoTime();
        trainCollaborative(VALIDATION_PREFIX); // validation profiles' events only: the validation hold-outs stay unseen
        TuningResult tuning = new ValidationTuner(client, index, evaluator).tune(validationCases, "play_count_validation");
        seconds.put("tuning", elapsed(start));

        start = System.nanoTime();
        trainCollaborative(TEST_PREFIX);
        seconds.put("collaborative training", elapsed(start));

        start = System.nanoTime();
        Map<String, Object> ranker = ClusterTraining.ranker(client, dataset.rankerValidation());
        boolean learned = "succeeded".equals(ranker.get("state"));
        seconds.put("ranker training", elapsed(start));

        start = System.nanoTime(); // after tuning: the tuning never saw a sequence interest
        boolean sequence = "succeeded".equals(ClusterTraining.sequence(client).get("state"));
        seconds.put("sequence model training", elapsed(start));

        start = System.nanoTime();
        for (PersonalizeConfig config : PersonalizeSystems.configs(tuning.best(), learned, sequence)) {
            systems.add(evaluator.evaluate(new PersonalizeRecommender(client, index, config), testCases));
        }
        Recommender tuned = new PersonalizeRecommender(client, index, PersonalizeSystems.configs(tuning.best(), false, false).getLast());
        systems.add(evaluator.evaluate(new FusionRecommender("tuned ⊕ more_like_this (RRF, reference)",
            List.of(tuned, new MoreLikeThisRecommender(client, index, dataset.textFields()))), testCases));
        systems.add(evaluator.evaluate(new FusionRecommender("tuned ⊕ item-item CF (RRF, reference)", List.of(tuned, collaborative)), testCases));
        seconds.put("personalize", elapsed(start));

        start = System.nanoTime();
        systems.addAll(new SearchEvaluation(client, index).evaluate(testCases, evaluator, learned));
        seconds.put("personalized search", elapsed(start));

        start = System.nanoTime(); // issue 8's experiment: needs the profiles the events built
        systems.addAll(new SequenceInterestComparison(client, index, vectors, options.seed()).evaluate(dataset, splits, testCases, evaluator, seconds));
        seconds.put("sequence-aware interest", elapsed(start));
        return new DatasetResult(dataset.name(), dataset.description(), dataset.items().size(), testCases.size(), allCases.size(), events, systems, tuning, seconds);
    }

    /** Trains the plugin's collaborative model from the stored events of the listeners whose node id starts with {@code prefix}. */
    private void trainCollaborative(String prefix) throws IOException {
        Map<String, Object> trained = client.send("POST", "/_plugins/podcast/collaborative/_train", JsonXContent.contentBuilder().startObject()
            .startObject("filter").startObject("prefix").field("listener_id", prefix).endObject().endObject()
            .endObject());
        Progress.log("collaborative model from " + prefix + "* listeners: " + trained);
    }

    private void configureEventsFor(String index) throws IOException {
        client.send("PUT", "/_cluster/settings", JsonXContent.contentBuilder().startObject().startObject("persistent")
            .field("plugins.podcast.episodes_index", index)
            .field("plugins.podcast.listeners.recent_heard_size", HEARD_SIZE)
            .endObject().endObject());
    }

    /** Training interactions per item: the popularity every system may use. */
    static Map<String, Integer> countByItem(List<ListenerSplit> splits) {
        Map<String, Integer> counts = new HashMap<>();
        for (ListenerSplit split : splits) {
            for (Interaction interaction : split.train()) {
                counts.merge(interaction.item(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The cases with a relevant held-out item, of the listeners in {@code only} when it is given. */
    private static List<EvaluationCase> cases(String prefix, List<ListenerSplit> splits, Dataset dataset, Set<String> only) {
        List<EvaluationCase> cases = new ArrayList<>();
        for (ListenerSplit split : splits) {
            if (only == null || only.contains(split.listener())) {
                EvaluationCase c = EvaluationCase.of(prefix + split.listener(), split, dataset);
                if (c != null) {
                    cases.add(c);
                }
            }
        }
        return cases;
    }

    /** At most {@code max} cases, drawn with the run's seed, in their original order. */
    private List<EvaluationCase> sample(List<EvaluationCase> cases, int max) {
        if (cases.size() <= max) {
            return cases;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(options.seed()));
        return order.subList(0, max).stream().sorted().map(cases::get).toList();
    }

    private static Set<String> listenersOf(List<EvaluationCase> cases, String prefix) {
        return cases.stream().map(c -> c.query().nodeListenerId().substring(prefix.length())).collect(Collectors.toSet());
    }

    private static List<ListenerSplit> only(List<ListenerSplit> splits, Set<String> listeners) {
        return splits.stream().filter(s -> listeners.contains(s.listener())).toList();
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
