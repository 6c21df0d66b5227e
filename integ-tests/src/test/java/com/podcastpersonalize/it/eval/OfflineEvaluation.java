package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline evaluation of issue 7 against a running node: MovieLens ml-latest-small and Apple
 * Podcasts co-subscriptions, baselines and {@code personalize} (defaults, RRF, ablations, tuned on
 * validation) in one run. Prints the table and writes {@code evaluation.json}, {@code evaluation.svg}
 * and {@code evaluation.md} to the output folder.
 *
 * <p>Run by {@code bin/evaluate}: {@code OfflineEvaluation <node url> [options]} (see {@link EvaluationOptions#USAGE}).
 */
public final class OfflineEvaluation {

    private OfflineEvaluation() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("--")) {
            System.err.println("usage: " + EvaluationOptions.USAGE);
            System.exit(2);
        }
        EvaluationOptions options = EvaluationOptions.parse(args, 1);
        try (JsonNodeClient client = new JsonNodeClient(args[0])) {
            Map<String, Object> node = nodeInfo(client);
            if (!options.baselinesOnly()) {
                requireListeners(client);
            }
            List<DatasetResult> results = new ArrayList<>();
            for (String name : options.datasets()) {
                Dataset dataset = name.equals("movielens")
                    ? MovieLensLoader.load(options.dataDir().resolve("movielens-latest-small"))
                    : PodcastSubscriptionsLoader.load(options.dataDir().resolve("podcast-cosubscriptions"), options.seed());
                Progress.log("data set " + dataset.description());
                results.add(new DatasetEvaluation(client, options).run(dataset));
            }
            String summary = MarkdownReport.summary(results, options.seed());
            System.out.println(summary);
            Files.createDirectories(options.outputDir());
            JsonReport.write(options.outputDir().resolve("evaluation.json"), results, options, node);
            SvgChart.write(options.outputDir().resolve("evaluation.svg"), results);
            EvaluationDoc.write(options.outputDir().resolve("evaluation.md"), results, options, summary);
            Progress.log("wrote " + options.outputDir().resolve("evaluation.md") + ", evaluation.json and evaluation.svg");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodeInfo(JsonNodeClient client) throws IOException {
        Map<String, Object> root = client.send("GET", "/", (String) null);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("opensearch", ((Map<String, Object>) root.get("version")).get("number"));
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) (Object) client.sendForList("GET", "/_cat/plugins?format=json");
        for (Map<String, Object> plugin : plugins) {
            info.put(String.valueOf(plugin.get("component")), plugin.get("version"));
        }
        return info;
    }

    /** The personalize systems need listener profiles: refuse clearly when this node has none. */
    private static void requireListeners(JsonNodeClient client) throws IOException {
        Map<String, Object> settings = client.send("GET", "/_cluster/settings?include_defaults=true&flat_settings=true", (String) null);
        if (!String.valueOf(settings.get("defaults")).contains("plugins.podcast.listeners.recent_heard_size")) {
            throw new IllegalStateException("this node's podcast-personalize has no listener profiles (events API): the personalize "
                + "systems cannot run. Build from a branch with the listeners work, or pass --baselines-only.");
        }
    }
}
