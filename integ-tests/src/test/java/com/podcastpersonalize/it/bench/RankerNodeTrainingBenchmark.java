package com.podcastpersonalize.it.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Learned ranker training on the real node, end to end: {@code POST /_plugins/podcast/ranker/_train}
 * until {@code GET /_plugins/podcast/ranker} says succeeded, over ~100k generated events of a few
 * hundred listeners on a generated catalogue (2,000 episodes with 384-d vectors in 30 topic clusters,
 * from {@link ListenerEventsBenchmark#setUp}). Each listener likes two topics: they finish or like
 * episodes of those and skip or dislike the others, over 60 days. Reports the wall time of each
 * training and of its phases (as the status polled every 200 ms saw them), the node's own figures
 * and the validation metrics. The first training of a fresh node also extracts PyTorch's natives.
 *
 * <p>Run by {@code bin/benchmark ranker}: {@code RankerNodeTrainingBenchmark <node url> <events> <listeners>}.
 */
public final class RankerNodeTrainingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS_PER_REQUEST = 5000;
    private static final long DAY = 86_400_000L;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int events = Integer.parseInt(args[1]);
        int listeners = Integer.parseInt(args[2]);
        ListenerEventsBenchmark.Report report = new ListenerEventsBenchmark.Report();
        try (RestClient client = RestClient.builder(HttpHost.create(url)).build()) {
            ListenerEventsBenchmark.setUp(client);
            BenchNode.deleteIndex(client, ListenerEventsBenchmark.PLAIN_INDEX);
            BenchNode.deleteIndex(client, "podcast-ranker");
            long posting = System.nanoTime();
            postEvents(client, events, listeners);
            double postSeconds = (System.nanoTime() - posting) / 1e9;
            report.line("%,d events of %d listeners over 60 days on %,d episodes (posted through the events API in %.0f s, profiles updated).",
                events, listeners, ListenerEventsBenchmark.EPISODES, postSeconds);
            report.line("Load average when the trainings started: %s.", loadAverage());
            report.line("");
            report.line("| training | wall s (POST to succeeded) | reading events s | fetching episodes s | replaying s | training s | storing s | node took s | PyTorch fit s | examples | epochs | AUC | log loss (base rate) | NDCG@10 |");
            report.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (String[] run : new String[][] {
                { "logistic, first on the node (loads PyTorch, extracts its natives on a fresh data path)", "logistic" },
                { "logistic", "logistic" },
                { "mlp (16 ReLU units)", "mlp" } }) {
                train(client, run[0], run[1], report);
            }
            ListenerEventsBenchmark.call(client, "PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": null}}");
        }
        report.print();
    }

    /** Each listener likes two of the 30 topic clusters; episode {@code i} is in cluster {@code i % 30}. */
    private static void postEvents(RestClient client, int events, int listeners) throws Exception {
        Random random = new Random(5);
        int[][] tastes = new int[listeners][];
        for (int l = 0; l < listeners; l++) {
            tastes[l] = new int[] { random.nextInt(30), random.nextInt(30) };
        }
        long end = System.currentTimeMillis() - DAY;
        long start = end - 60 * DAY;
        List<String> batch = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            int listener = random.nextInt(listeners);
            boolean liked = random.nextDouble() < 0.6;
            int cluster = liked ? tastes[listener][random.nextInt(2)] : random.nextInt(30);
            int episode = cluster + 30 * random.nextInt(ListenerEventsBenchmark.EPISODES / 30);
            boolean inTaste = cluster == tastes[listener][0] || cluster == tastes[listener][1];
            String type = inTaste ? (random.nextDouble() < 0.8 ? "complete" : "like") : (random.nextDouble() < 0.7 ? "skip" : "dislike");
            long time = start + (long) (random.nextDouble() * (end - start));
            batch.add("{\"listener_id\":\"bench-ranker-%d\",\"episode_id\":\"ep%d\",\"type\":\"%s\",\"timestamp\":%d}".formatted(listener, episode, type, time));
            if (batch.size() == EVENTS_PER_REQUEST || e == events - 1) {
                String response = ListenerEventsBenchmark.call(client, "POST", "/_plugins/podcast/events", "{\"events\":[" + String.join(",", batch) + "]}");
                if (response.contains("\"errors\":true")) {
                    throw new IllegalStateException("errors: " + response.substring(0, Math.min(2000, response.length())));
                }
                batch.clear();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void train(RestClient client, String name, String model, ListenerEventsBenchmark.Report report) throws Exception {
        long begin = System.nanoTime();
        Map<String, Object> started = JSON.readValue(ListenerEventsBenchmark.call(client, "POST", "/_plugins/podcast/ranker/_train", "{\"model\": \"" + model + "\"}"), Map.class);
        long version = ((Number) started.get("version")).longValue();
        Map<String, Double> phaseStarts = new LinkedHashMap<>();
        Map<String, Object> status;
        Map<String, Object> training;
        while (true) {
            status = JSON.readValue(ListenerEventsBenchmark.call(client, "GET", "/_plugins/podcast/ranker", null), Map.class);
            training = (Map<String, Object>) status.get("training");
            String phase = (String) ((Map<String, Object>) training.get("progress")).get("phase");
            phaseStarts.putIfAbsent(phase, (System.nanoTime() - begin) / 1e9);
            if (!"running".equals(training.get("state"))) {
                break;
            }
            Thread.sleep(200);
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        if (!"succeeded".equals(training.get("state"))) {
            throw new IllegalStateException("training " + version + " ended " + training);
        }
        Map<String, Object> active = (Map<String, Object>) status.get("active");
        Map<String, Object> figures = (Map<String, Object>) active.get("figures");
        Map<String, Object> metrics = (Map<String, Object>) active.get("metrics");
        phaseStarts.put("end", wall);
        report.line("| %s | **%.1f** | %s | %s | %s | %s | %s | %.1f | %.1f | %,d | %d | %.3f | %.3f (%.3f) | %.3f |",
            name, wall,
            phase(phaseStarts, "reading_events"), phase(phaseStarts, "fetching_episodes"), phase(phaseStarts, "replaying"),
            phase(phaseStarts, "training"), phase(phaseStarts, "storing"),
            number(figures.get("took_ms")) / 1000, number(figures.get("training_millis")) / 1000,
            (long) number(figures.get("examples")), (long) number(figures.get("epochs")),
            number(metrics.get("auc")), number(metrics.get("log_loss")), number(metrics.get("base_rate_log_loss")), number(metrics.get("ndcg_at_10")));
    }

    /** Seconds from a phase's first sighting to the next phase's, "<0.2" when the polls never saw it. */
    private static String phase(Map<String, Double> starts, String phase) {
        if (!starts.containsKey(phase)) {
            return "<0.2";
        }
        List<String> order = new ArrayList<>(starts.keySet());
        int at = order.indexOf(phase);
        return String.format(Locale.ROOT, "%.1f", starts.get(order.get(at + 1)) - starts.get(phase));
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
