package com.podcastpersonalize.it.bench;

import com.podcastpersonalize.it.support.JsonNodeClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** TEMPORARY: variations of the personalize request against the benchmark index, interleaved; client time and took. */
public final class LatencyProbe {

    interface Body {
        String make(int q, String listener);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rounds = Integer.parseInt(args[1]);
        String only = args.length > 2 ? args[2] : null;
        try (JsonNodeClient client = new JsonNodeClient(url, Duration.ofMinutes(5))) {
            List<String> texts = new ArrayList<>();
            List<String> vectors = new ArrayList<>();
            Map<String, Object> sample = client.send("POST", "/bench-episodes/_search",
                "{\"size\": 50, \"_source\": [\"title\"], \"query\": {\"function_score\": {\"random_score\": {\"seed\": 7, \"field\": \"_seq_no\"}}}}");
            for (Map<String, Object> hit : JsonNodeClient.hits(sample)) {
                String[] words = ((String) ((Map<?, ?>) hit.get("_source")).get("title")).split(" ");
                String text = words[0] + " " + words[1] + " " + words[2];
                texts.add(text);
                Map<String, Object> e = client.send("POST", "/_plugins/podcast/embed", "{\"texts\": [\"" + text + "\"], \"input_type\": \"query\"}");
                vectors.add(String.valueOf(((List<?>) e.get("embeddings")).get(0)));
            }
            Map<String, Body> paths = new LinkedHashMap<>();
            String common = "\"text_fields\": [\"title^2\", \"description\"], \"vector_field\": \"text_vector\", \"k\": 100";
            paths.put("knn", (q, l) -> "{\"size\":10,\"_source\":false,\"query\":{\"knn\":{\"text_vector\":{\"vector\":" + vectors.get(q) + ",\"k\":100}}}}");
            paths.put("embed REST", null);
            paths.put("profile REST", null);
            paths.put("rec default", (q, l) -> pers(l, null, common, null));
            paths.put("rec interest only", (q, l) -> pers(l, null, common, "{\"lexical\":0,\"semantic\":0,\"interest\":1,\"audio\":0,\"popularity\":0,\"collaborative\":0}"));
            paths.put("rec popularity only", (q, l) -> pers(l, null, common, "{\"lexical\":0,\"semantic\":0,\"interest\":0,\"audio\":0,\"popularity\":1,\"collaborative\":0}"));
            paths.put("rec collab only", (q, l) -> pers(l, null, common, "{\"lexical\":0,\"semantic\":0,\"interest\":0,\"audio\":0,\"popularity\":0,\"collaborative\":1}"));
            paths.put("rec no collab", (q, l) -> pers(l, null, common, "{\"collaborative\":0}"));
            paths.put("query default", (q, l) -> pers(l, texts.get(q), common, null));
            paths.put("query vector given", (q, l) -> pers(l, texts.get(q), common + ", \"query_vector\": " + vectors.get(q), null));
            paths.put("query semantic only", (q, l) -> pers(l, texts.get(q), common, "{\"lexical\":0,\"semantic\":1,\"interest\":0,\"audio\":0,\"popularity\":0,\"collaborative\":0}"));
            paths.put("query lexical only", (q, l) -> pers(l, texts.get(q), common, "{\"lexical\":1,\"semantic\":0,\"interest\":0,\"audio\":0,\"popularity\":0,\"collaborative\":0}"));
            if (System.getProperty("cpu.pid") != null) {
                long pid = Long.parseLong(System.getProperty("cpu.pid"));
                for (int rep = 0; rep < 3; rep++) {
                    StringBuilder line = new StringBuilder("cpu ms/request:");
                    for (Map.Entry<String, Body> path : paths.entrySet()) {
                        if (path.getValue() == null || (only != null && !path.getKey().matches(only) && !path.getKey().equals("knn"))) {
                            continue;
                        }
                        for (int r = 0; r < 20; r++) {
                            client.send("POST", "/bench-episodes/_search", path.getValue().make(r % texts.size(), "listener-" + (r % 40)));
                        }
                        long before = cpuTicks(pid);
                        long start = System.nanoTime();
                        for (int r = 0; r < rounds; r++) {
                            client.send("POST", "/bench-episodes/_search", path.getValue().make(r % texts.size(), "listener-" + (r % 40)));
                        }
                        double wall = (System.nanoTime() - start) / 1e6 / rounds;
                        double cpu = (cpuTicks(pid) - before) * 10.0 / rounds;
                        line.append(String.format(Locale.ROOT, " | %s cpu %.2f wall %.2f", path.getKey(), cpu, wall));
                    }
                    System.out.println(line);
                }
                return;
            }
            Map<String, double[]> client_ = new LinkedHashMap<>();
            Map<String, double[]> waits = new LinkedHashMap<>();
            Map<String, double[]> took = new LinkedHashMap<>();
            for (String p : paths.keySet()) {
                client_.put(p, new double[rounds]);
                took.put(p, new double[rounds]);
            }
            for (int r = -30; r < rounds; r++) {
                int q = Math.floorMod(r, texts.size());
                String listener = "listener-" + Math.floorMod(r, 40);
                for (Map.Entry<String, Body> path : paths.entrySet()) {
                    if (only != null && !path.getKey().matches(only) && !path.getKey().equals("knn")) {
                        continue;
                    }
                    long start = System.nanoTime();
                    Map<String, Object> response;
                    if (path.getKey().equals("embed REST")) {
                        response = client.send("POST", "/_plugins/podcast/embed", "{\"texts\": [\"" + texts.get(q) + "\"], \"input_type\": \"query\"}");
                    } else if (path.getKey().equals("profile REST")) {
                        response = client.send("GET", "/_plugins/podcast/listeners/" + listener, (String) null);
                    } else {
                        JsonNodeClient.Reply reply = client.exchange("POST", "/bench-episodes/_search", path.getValue().make(q, listener));
                        response = reply.body();
                        String w = reply.header("X-Podcast-Query-Embedding-Wait-Ms");
                        if (r >= 0) {
                            waits.computeIfAbsent(path.getKey(), x -> new double[rounds])[r] = w == null ? 0 : Double.parseDouble(w);
                        }
                    }
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (r >= 0) {
                        client_.get(path.getKey())[r] = ms;
                        Object t = response.get("took");
                        took.get(path.getKey())[r] = t instanceof Number n ? n.doubleValue() : Double.NaN;
                    }
                }
            }
            System.out.println("| path | client p50 | client p90 | took p50 | took p90 | client-wait p50 |");
            for (String p : paths.keySet()) {
                if (only != null && !p.matches(only) && !p.equals("knn")) {
                    continue;
                }
                double[] less = client_.get(p).clone();
                double[] w = waits.get(p);
                for (int i = 0; w != null && i < less.length; i++) {
                    less[i] -= w[i];
                }
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %.1f | %.2f |%n", p, pct(client_.get(p), 50), pct(client_.get(p), 90), pct(took.get(p), 50), pct(took.get(p), 90), pct(less, 50));
            }
            if (args.length > 3) {
                Map<String, Object> prof = client.send("POST", "/bench-episodes/_search", pers("listener-3", args[3].equals("query") ? texts.get(0) : null, common, null).replaceFirst("\\{", "{\"profile\":true,"));
                System.out.println(prof.get("profile"));
                prof = client.send("POST", "/bench-episodes/_search", paths.get("knn").make(0, null).replaceFirst("\\{", "{\"profile\":true,"));
                System.out.println(prof.get("profile"));
            }
        }
    }

    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static String pers(String listener, String text, String common, String weights) {
        return "{\"size\":10,\"_source\":false,\"query\":{\"personalize\":{\"listener_id\":\"" + listener + "\","
            + (text == null ? "" : "\"query_text\":\"" + text + "\",") + (weights == null ? "" : "\"weights\":" + weights + ",") + common + "}}}";
    }

    private static double pct(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
