package com.podcastpersonalize.it.bench;

import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Search latency of the {@code personalize} query and rescorer against what a client would do
 * without the plugin, in one run on one real node, over generated episodes (384-d vectors around
 * topic centroids, text drawn from each topic's words, Zipf-distributed play counts) and listeners
 * who finished episodes of two topics through the events API:
 * <ol>
 *   <li>plain k-NN with the same query vector, and BM25 on title and description (the limits);</li>
 *   <li>{@code personalize} with query text: with its embedding (measured apart through /embed and by the node's
 *       headers), and with the query text's vector given in the clause ({@code query_vector}: its own work, no embedding);
 *       and without query text (recommendation);</li>
 *   <li>the same work from the client: get the profile, embed the query, one {@code _msearch} with BM25,
 *       k-NN on the query vector and k-NN on each interest vector, fuse in the client;</li>
 *   <li>the {@code personalize} rescorer on BM25's top 100, against fetching BM25's top 100 with their
 *       vectors and reranking by interest in the client.</li>
 * </ol>
 * Paths alternate request by request so that background load hits them alike.
 *
 * <p>Run by {@code bin/benchmark ranking}: {@code QueryLatencyBenchmark <node url> <episodes> <queries> [reuse]}
 * ({@code reuse}: keep the index and listeners an earlier run left on the node, to compare code changes quickly).
 */
public final class QueryLatencyBenchmark {

    private static final String INDEX = "bench-episodes";
    private static final int DIMENSION = 384;
    private static final int TOPICS = 40;
    private static final int LISTENERS = 40;
    private static final int K = 100;
    private static final Random RANDOM = new Random(42);

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int episodes = Integer.parseInt(args[1]);
        int queries = Integer.parseInt(args[2]);
        // "reuse": keep the episodes and listeners an earlier run left on this node (to compare code changes quickly)
        boolean reuse = args.length > 3 && "reuse".equals(args[3]);
        // bulk indexing and the force merge of 100k vectors take minutes on 2 cores
        try (JsonNodeClient client = new JsonNodeClient(url, Duration.ofMinutes(30))) {
            Corpus corpus = new Corpus(TOPICS, DIMENSION);
            long indexStart = System.nanoTime();
            boolean reused = reuse && indexed(client) == episodes;
            if (reused == false) {
                index(client, corpus, episodes);
            }
            double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
            client.send("PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": \"" + INDEX + "\"}}");
            if (reused == false) {
                listen(client, corpus, episodes);
            }
            trainRanker(client);

            List<String> texts = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            double[] embedMillis = new double[queries];
            for (int i = 0; i < queries; i++) {
                String text = corpus.queryText(RANDOM.nextInt(TOPICS));
                long start = System.nanoTime();
                vectors.add(embed(client, text));
                embedMillis[i] = (System.nanoTime() - start) / 1e6;
                texts.add(text);
            }

            Map<String, double[]> latencies = new LinkedHashMap<>();
            // per request of the paths that embed query text: the node's own timing of the embedding (response headers)
            Map<String, double[]> embeddingWaits = new LinkedHashMap<>();
            Map<String, double[]> embeddings = new LinkedHashMap<>();
            Map<String, Path> paths = new LinkedHashMap<>();
            paths.put("k-NN on the query vector (k 100)", (q, l) -> search(client, knnBody(vectors.get(q), 10)));
            paths.put("BM25 on title^2, description", (q, l) -> search(client, bm25Body(texts.get(q), 10)));
            paths.put(WITH_QUERY, (q, l) -> personalize(client, personalizeBody(l, texts.get(q))));
            paths.put(VECTOR_GIVEN, (q, l) -> search(client, personalizeBody(l, texts.get(q), vectors.get(q), "blend")));
            paths.put(VECTOR_GIVEN_INTEREST_CANDIDATES, (q, l) -> search(client, personalizeBody(l, texts.get(q), vectors.get(q), "blend", true)));
            paths.put("personalize, no query (recommendation)", (q, l) -> search(client, personalizeBody(l, null)));
            paths.put(LEARNED_WITH_QUERY, (q, l) -> personalize(client, personalizeBody(l, texts.get(q), "learned")));
            paths.put(LEARNED_RECOMMENDATION, (q, l) -> search(client, personalizeBody(l, null, "learned")));
            paths.put("client-side: profile + embed + _msearch (BM25, k-NN, k-NN per interest) + fuse", (q, l) -> clientSideBlend(client, l, texts.get(q)));
            paths.put("personalize rescorer on BM25's top 100", (q, l) -> search(client, rescoreBody(l, texts.get(q))));
            paths.put("client-side rerank: profile + BM25 top 100 with vectors + rerank", (q, l) -> clientSideRerank(client, l, texts.get(q)));
            for (String name : paths.keySet()) {
                latencies.put(name, new double[queries]);
            }
            for (String name : List.of(WITH_QUERY, LEARNED_WITH_QUERY)) {
                embeddingWaits.put(name, new double[queries]);
                embeddings.put(name, new double[queries]);
            }
            for (int warm = 0; warm < Math.min(50, queries); warm++) {
                for (Path path : paths.values()) {
                    path.run(warm, "listener-" + (warm % LISTENERS));
                }
            }
            for (int q = 0; q < queries; q++) {
                String listener = "listener-" + (q % LISTENERS);
                for (Map.Entry<String, Path> path : paths.entrySet()) {
                    long start = System.nanoTime();
                    EmbeddingTiming timing = path.getValue().run(q, listener);
                    latencies.get(path.getKey())[q] = (System.nanoTime() - start) / 1e6;
                    if (embeddingWaits.containsKey(path.getKey())) {
                        embeddingWaits.get(path.getKey())[q] = timing.waitMillis();
                        embeddings.get(path.getKey())[q] = timing.millis();
                    }
                }
            }

            System.out.printf(Locale.ROOT, "%d generated episodes (%d topics, %d-d vectors, lucene HNSW, 1 segment per shard, 2 shards) %s; "
                + "%d listeners with 60 events each through the events API; %d queries per path after %d warm-up rounds; one client thread.%n%n",
                episodes, TOPICS, DIMENSION, reused ? "reused from an earlier run" : String.format(Locale.ROOT, "indexed in %.0f s", indexSeconds),
                LISTENERS, queries, Math.min(50, queries));
            double knnP50 = percentile(latencies.get("k-NN on the query vector (k 100)"), 50);
            double knnP99 = percentile(latencies.get("k-NN on the query vector (k 100)"), 99);
            // each request's latency less the time it waited for its query-text embedding alone (the node's header)
            Map<String, double[]> withoutEmbedding = new LinkedHashMap<>();
            for (String name : embeddingWaits.keySet()) {
                double[] without = new double[queries];
                for (int q = 0; q < queries; q++) {
                    without[q] = latencies.get(name)[q] - embeddingWaits.get(name)[q];
                }
                withoutEmbedding.put(name, without);
            }
            System.out.println("| path | p50 ms | p99 ms | p50 ÷ k-NN p50 | p99 ÷ k-NN p99 |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.printf(Locale.ROOT, "| query-text embedding alone (/embed) | %.1f | %.1f | | |%n", percentile(embedMillis, 50), percentile(embedMillis, 99));
            System.out.printf(Locale.ROOT, "| query-text embedding inside personalize (node's %s) | %.1f | %.1f | | |%n",
                EMBEDDING_HEADER, percentile(embeddings.get(WITH_QUERY), 50), percentile(embeddings.get(WITH_QUERY), 99));
            for (Map.Entry<String, double[]> entry : latencies.entrySet()) {
                row(entry.getKey(), entry.getValue(), knnP50, knnP99);
                if (withoutEmbedding.containsKey(entry.getKey())) {
                    row(entry.getKey().replace("(embedding included)", "less its embedding wait"), withoutEmbedding.get(entry.getKey()), knnP50, knnP99);
                }
            }
            double personalize = percentile(latencies.get(WITH_QUERY), 50);
            double personalizeWithout = percentile(withoutEmbedding.get(WITH_QUERY), 50);
            double vectorGiven = percentile(latencies.get(VECTOR_GIVEN), 50);
            double withInterestCandidates = percentile(latencies.get(VECTOR_GIVEN_INTEREST_CANDIDATES), 50);
            double embedP50 = percentile(embedMillis, 50);
            double clientBlend = percentile(latencies.get("client-side: profile + embed + _msearch (BM25, k-NN, k-NN per interest) + fuse"), 50);
            double rescorer = percentile(latencies.get("personalize rescorer on BM25's top 100"), 50);
            double clientRerank = percentile(latencies.get("client-side rerank: profile + BM25 top 100 with vectors + rerank"), 50);
            double recommendation = percentile(latencies.get("personalize, no query (recommendation)"), 50);
            System.out.println();
            System.out.printf(Locale.ROOT, "Goals: personalize with the query vector given (its own work, no embedding by construction) p50 %.1f ms "
                + "÷ k-NN p50 = %.2f (goal ≤ 1.5), p99 %.2f (goal ≤ 2); with query_text less its embedding wait p50 %.2f, p99 %.2f; "
                + "recommendation (no query text) p50 %.2f, p99 %.2f; personalize p99 with the embedding ÷ k-NN p99 = %.2f; "
                + "personalize ÷ client-side p50 = %.2f (goal ≤ 0.5); client-side rerank ÷ rescorer p50 = %.2f (goal ≥ 3). "
                + "The embedding wait is measured per request by the node (%s: how much later than the listener's profile the query vector was there); "
                + "subtracting the /embed p50 from the p50 instead, as earlier runs did, gives %.1f - %.1f = %.1f ms, %.2f.%n",
                vectorGiven, vectorGiven / knnP50, percentile(latencies.get(VECTOR_GIVEN), 99) / knnP99,
                personalizeWithout / knnP50, percentile(withoutEmbedding.get(WITH_QUERY), 99) / knnP99,
                recommendation / knnP50, percentile(latencies.get("personalize, no query (recommendation)"), 99) / knnP99,
                percentile(latencies.get(WITH_QUERY), 99) / knnP99,
                personalize / clientBlend, clientRerank / rescorer,
                EMBEDDING_WAIT_HEADER, personalize, embedP50, personalize - embedP50, (personalize - embedP50) / knnP50);
            System.out.printf(Locale.ROOT, "With the interests' own candidates (interest_candidates true, query vector given): p50 %.1f ms ÷ k-NN p50 = %.2f, "
                + "p99 %.2f; the default's p50 ÷ this = %.2f.%n",
                withInterestCandidates, withInterestCandidates / knnP50, percentile(latencies.get(VECTOR_GIVEN_INTEREST_CANDIDATES), 99) / knnP99,
                vectorGiven / withInterestCandidates);
            System.out.printf(Locale.ROOT, "Learned ranker (issue 8, goal ≤ 1.3): p50 with query_text %.1f ms ÷ blend %.1f ms = %.2f; "
                + "p50 without query %.1f ms ÷ blend %.1f ms = %.2f.%n",
                percentile(latencies.get(LEARNED_WITH_QUERY), 50), personalize, percentile(latencies.get(LEARNED_WITH_QUERY), 50) / personalize,
                percentile(latencies.get(LEARNED_RECOMMENDATION), 50), recommendation,
                percentile(latencies.get(LEARNED_RECOMMENDATION), 50) / recommendation);
        }
    }

    private static void row(String name, double[] millis, double knnP50, double knnP99) {
        double p50 = percentile(millis, 50);
        double p99 = percentile(millis, 99);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.2f |%n", name, p50, p99, p50 / knnP50, p99 / knnP99);
    }

    /** Trains the learned ranker from the listeners' events (the last 2 of their 7.5 days validate) and waits until it is in use. */
    @SuppressWarnings("unchecked")
    private static void trainRanker(JsonNodeClient client) throws IOException, InterruptedException {
        client.send("POST", "/_plugins/podcast/ranker/_train", "{\"validation_days\": 2}");
        while (true) {
            Thread.sleep(1000);
            Map<String, Object> status = client.send("GET", "/_plugins/podcast/ranker", (String) null);
            Map<String, Object> training = (Map<String, Object>) status.get("training");
            if (training != null && "running".equals(training.get("state")) == false) {
                if ("succeeded".equals(training.get("state")) == false) {
                    throw new IllegalStateException("the ranker training did not succeed: " + training);
                }
                System.err.println("[bench] learned ranker trained: " + ((Map<String, Object>) status.get("active")).get("metrics"));
                Thread.sleep(1500); // the node serves it after its model check interval (1 s)
                return;
            }
        }
    }

    private static final String WITH_QUERY = "personalize with query_text (embedding included)";
    private static final String VECTOR_GIVEN = "personalize with query_text and its query_vector given (no embedding)";
    private static final String VECTOR_GIVEN_INTEREST_CANDIDATES = "personalize with query_vector given, interest_candidates true";
    private static final String LEARNED_WITH_QUERY = "personalize with query_text, ranker learned (embedding included)";
    private static final String EMBEDDING_HEADER = "X-Podcast-Query-Embedding-Ms";
    private static final String EMBEDDING_WAIT_HEADER = "X-Podcast-Query-Embedding-Wait-Ms";
    private static final String LEARNED_RECOMMENDATION = "personalize, no query, ranker learned";

    /** One way of answering query {@code q} for listener {@code l}. */
    @FunctionalInterface
    private interface Path {
        EmbeddingTiming run(int q, String l) throws IOException;
    }

    /** The node's timing of a request's query-text embedding (its response headers); zeros for requests without one. */
    private record EmbeddingTiming(double millis, double waitMillis) {
        static final EmbeddingTiming NONE = new EmbeddingTiming(0, 0);
        static final EmbeddingTiming UNKNOWN = new EmbeddingTiming(Double.NaN, Double.NaN);
    }

    /** Topic centroids and words; episodes and queries are drawn around them. */
    private static final class Corpus {
        final float[][] centroids;
        final String[][] words;
        final String[] common;

        Corpus(int topics, int dimension) {
            centroids = new float[topics][];
            words = new String[topics][40];
            for (int t = 0; t < topics; t++) {
                float[] c = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    c[d] = (float) RANDOM.nextGaussian();
                }
                centroids[t] = normalize(c);
                for (int w = 0; w < 40; w++) {
                    words[t][w] = syllables(3 + RANDOM.nextInt(3));
                }
            }
            common = new String[200];
            for (int w = 0; w < common.length; w++) {
                common[w] = syllables(2 + RANDOM.nextInt(3));
            }
        }

        String text(int topic, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(RANDOM.nextInt(4) == 0 ? common[RANDOM.nextInt(common.length)] : words[topic][RANDOM.nextInt(40)]).append(' ');
            }
            return text.toString().trim();
        }

        String queryText(int topic) {
            return words[topic][RANDOM.nextInt(40)] + " " + words[topic][RANDOM.nextInt(40)] + " " + common[RANDOM.nextInt(common.length)];
        }

        /** A unit vector at cosine about 0.7 to the topic's centroid. */
        float[] vector(int topic) {
            float[] v = new float[centroids[topic].length];
            double noise = 1.0 / Math.sqrt(v.length);
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) (centroids[topic][d] + RANDOM.nextGaussian() * noise);
            }
            return normalize(v);
        }

        private static String syllables(int count) {
            String consonants = "bcdfghklmnprstvz";
            String vowels = "aeiou";
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < count; i++) {
                word.append(consonants.charAt(RANDOM.nextInt(consonants.length()))).append(vowels.charAt(RANDOM.nextInt(vowels.length())));
            }
            return word.toString();
        }
    }

    private static int topicOf(int episode) {
        return episode % TOPICS;
    }

    /** Documents in the benchmark index, 0 when there is none. */
    private static long indexed(JsonNodeClient client) throws IOException {
        if (client.sendForList("GET", "/_cat/indices/" + INDEX + "?format=json&ignore_unavailable=true").isEmpty()) {
            return 0;
        }
        return ((Number) client.send("GET", "/" + INDEX + "/_count", (String) null).get("count")).longValue();
    }

    private static void index(JsonNodeClient client, Corpus corpus, int episodes) throws IOException {
        client.send("DELETE", "/" + INDEX + "?ignore_unavailable=true", (String) null);
        client.send("PUT", "/" + INDEX, """
            {"settings": {"index": {"knn": true, "number_of_shards": 2, "number_of_replicas": 0, "refresh_interval": "-1"}},
             "mappings": {"properties": {
               "title": {"type": "text"}, "description": {"type": "text"}, "show_id": {"type": "keyword"},
               "published_at": {"type": "date"}, "play_count": {"type": "long"},
               "text_vector": {"type": "knn_vector", "dimension": %d,
                 "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""".formatted(DIMENSION));
        Instant now = Instant.now();
        for (int from = 0; from < episodes; from += 2000) {
            StringBuilder bulk = new StringBuilder();
            for (int e = from; e < Math.min(episodes, from + 2000); e++) {
                int topic = topicOf(e);
                bulk.append("{\"index\":{\"_id\":\"e").append(e).append("\"}}\n");
                try (XContentBuilder doc = JsonXContent.contentBuilder()) {
                    doc.startObject()
                        .field("title", corpus.text(topic, 6))
                        .field("description", corpus.text(topic, 40))
                        .field("show_id", "show-" + topic + "-" + (e / TOPICS) % 25)
                        .field("published_at", now.minus(RANDOM.nextInt(730), ChronoUnit.DAYS).toString())
                        .field("play_count", (long) (100_000 / Math.pow(1 + RANDOM.nextInt(10_000), 1.1)))
                        .field("text_vector", corpus.vector(topic))
                        .endObject();
                    bulk.append(doc.toString()).append('\n');
                }
            }
            Map<String, Object> response = client.send("POST", "/" + INDEX + "/_bulk", bulk.toString());
            if (Boolean.TRUE.equals(response.get("errors"))) {
                throw new IllegalStateException("bulk errors: " + shorten(response.get("items")));
            }
        }
        client.send("POST", "/" + INDEX + "/_refresh", (String) null);
        client.send("POST", "/" + INDEX + "/_forcemerge?max_num_segments=1", (String) null);
        client.send("PUT", "/" + INDEX + "/_settings", "{\"index\": {\"refresh_interval\": \"1s\"}}");
    }

    /** Each listener finished 30 episodes of each of two topics and skipped 10 of a third. */
    private static void listen(JsonNodeClient client, Corpus corpus, int episodes) throws IOException {
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS);
        for (int l = 0; l < LISTENERS; l++) {
            int[] liked = { l % TOPICS, (l * 7 + 3) % TOPICS };
            try (XContentBuilder body = JsonXContent.contentBuilder()) {
                body.startObject().startArray("events");
                int n = 0;
                for (int topic : liked) {
                    for (int i = 0; i < 25; i++) {
                        int episode = topic + TOPICS * RANDOM.nextInt(episodes / TOPICS);
                        event(body, l, episode, "complete", start.plus(n++ * 3, ChronoUnit.HOURS));
                    }
                }
                int skipped = (l * 13 + 5) % TOPICS;
                for (int i = 0; i < 10; i++) {
                    event(body, l, skipped + TOPICS * RANDOM.nextInt(episodes / TOPICS), "skip", start.plus(n++ * 3, ChronoUnit.HOURS));
                }
                body.endArray().endObject();
                Map<String, Object> response = client.send("POST", "/_plugins/podcast/events", body.toString());
                if (Boolean.TRUE.equals(response.get("errors"))) {
                    throw new IllegalStateException("events errors: " + shorten(response.get("items")));
                }
            }
        }
    }

    private static void event(XContentBuilder body, int listener, int episode, String type, Instant at) throws IOException {
        body.startObject()
            .field("listener_id", "listener-" + listener)
            .field("episode_id", "e" + episode)
            .field("type", type)
            .field("timestamp", at.toString())
            .field("position_s", "skip".equals(type) ? 60 : 1800)
            .field("duration_s", 1800)
            .endObject();
    }

    private static String knnBody(float[] vector, int size) throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder()) {
            b.startObject().field("size", size).field("_source", false).startObject("query").startObject("knn").startObject("text_vector")
                .field("vector", vector).field("k", K).endObject().endObject().endObject().endObject();
            return b.toString();
        }
    }

    private static String bm25Body(String text, int size) throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder()) {
            b.startObject().field("size", size).field("_source", false).startObject("query").startObject("multi_match")
                .field("query", text).array("fields", "title^2", "description").endObject().endObject().endObject();
            return b.toString();
        }
    }

    private static String personalizeBody(String listener, String text) throws IOException {
        return personalizeBody(listener, text, "blend");
    }

    private static String personalizeBody(String listener, String text, String ranker) throws IOException {
        return personalizeBody(listener, text, null, ranker);
    }

    /** @param vector the query text's vector, given in the clause ({@code query_vector}) so that the node embeds nothing; or null */
    private static String personalizeBody(String listener, String text, float[] vector, String ranker) throws IOException {
        return personalizeBody(listener, text, vector, ranker, false);
    }

    /** @param interestCandidates true: the interests also add candidates of their own (k-NN searches on the interest vectors) */
    private static String personalizeBody(String listener, String text, float[] vector, String ranker, boolean interestCandidates) throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder()) {
            b.startObject().field("size", 10).field("_source", false).startObject("query").startObject("personalize")
                .field("listener_id", listener).field("ranker", ranker);
            if (text != null) {
                b.field("query_text", text);
            }
            if (vector != null) {
                b.field("query_vector", vector);
            }
            if (interestCandidates) {
                b.field("interest_candidates", true);
            }
            b.array("text_fields", "title^2", "description").field("vector_field", "text_vector").field("k", K)
                .endObject().endObject().endObject();
            return b.toString();
        }
    }

    private static String rescoreBody(String listener, String text) throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder()) {
            b.startObject().field("size", 10).field("_source", false).startObject("query").startObject("multi_match")
                .field("query", text).array("fields", "title^2", "description").endObject().endObject()
                .startObject("rescore").field("window_size", K).startObject("personalize").field("listener_id", listener)
                .field("interest_weight", 0.5).field("freshness_field", "published_at").field("popularity_field", "play_count")
                .endObject().endObject().endObject();
            return b.toString();
        }
    }

    /** What a client does without the plugin: the profile, the query vector, one _msearch, and a weighted fusion of normalized scores. */
    private static EmbeddingTiming clientSideBlend(JsonNodeClient client, String listener, String text) throws IOException {
        List<float[]> interests = interestVectors(client, listener);
        float[] queryVector = embed(client, text);
        StringBuilder msearch = new StringBuilder();
        msearch.append("{}\n").append(bm25Body(text, K)).append('\n');
        msearch.append("{}\n").append(knnBody(queryVector, K)).append('\n');
        for (float[] interest : interests) {
            msearch.append("{}\n").append(knnBody(interest, K)).append('\n');
        }
        Map<String, Object> response = client.send("POST", "/" + INDEX + "/_msearch", msearch.toString());
        List<?> responses = (List<?>) response.get("responses");
        Map<String, double[]> parts = new HashMap<>();
        for (int r = 0; r < responses.size(); r++) {
            int component = Math.min(r, 2); // 0 lexical, 1 semantic, 2 interest (best of the interests)
            for (Map<String, Object> hit : JsonNodeClient.hits(asMap(responses.get(r)))) {
                double score = ((Number) hit.get("_score")).doubleValue();
                double normalized = component == 0 ? score / (score + 10) : score;
                double[] p = parts.computeIfAbsent((String) hit.get("_id"), id -> new double[3]);
                p[component] = Math.max(p[component], normalized);
            }
        }
        parts.entrySet().stream()
            .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -(0.3 * e.getValue()[0] + 0.3 * e.getValue()[1] + 0.4 * e.getValue()[2])))
            .limit(10)
            .toList();
        return EmbeddingTiming.NONE;
    }

    /** BM25's top 100 with their vectors, reranked in the client by closeness to the listener's interests. */
    private static EmbeddingTiming clientSideRerank(JsonNodeClient client, String listener, String text) throws IOException {
        List<float[]> interests = interestVectors(client, listener);
        String body = bm25Body(text, K).replace("\"_source\":false", "\"_source\":[\"text_vector\",\"published_at\",\"play_count\"]");
        List<Map<String, Object>> hits = JsonNodeClient.hits(client.send("POST", "/" + INDEX + "/_search", body));
        double[] scores = new double[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) hits.get(i).get("_source");
            List<?> vector = (List<?>) source.get("text_vector");
            double best = 0;
            for (float[] interest : interests) {
                double dot = 0;
                for (int d = 0; d < interest.length; d++) {
                    dot += interest[d] * ((Number) vector.get(d)).doubleValue();
                }
                best = Math.max(best, dot);
            }
            double score = ((Number) hits.get(i).get("_score")).doubleValue();
            scores[i] = score / (score + 5) + 0.5 * best;
        }
        Arrays.sort(scores);
        return EmbeddingTiming.NONE;
    }

    /** Every vector of the listener's dimension in the profile (where the profile stores them is its own business). */
    private static List<float[]> interestVectors(JsonNodeClient client, String listener) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        collectVectors(client.send("GET", "/_plugins/podcast/listeners/" + listener + "?include_vectors=true", (String) null), vectors);
        return vectors;
    }

    private static void collectVectors(Object node, List<float[]> into) {
        if (node instanceof List<?> list) {
            if (list.size() == DIMENSION && list.get(0) instanceof Number) {
                float[] v = new float[DIMENSION];
                for (int d = 0; d < DIMENSION; d++) {
                    v[d] = ((Number) list.get(d)).floatValue();
                }
                into.add(v);
            } else {
                list.forEach(item -> collectVectors(item, into));
            }
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectVectors(value, into));
        }
    }

    private static float[] embed(JsonNodeClient client, String text) throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder()) {
            b.startObject().array("texts", text).field("input_type", "query").endObject();
            List<?> embeddings = (List<?>) client.send("POST", "/_plugins/podcast/embed", b.toString()).get("embeddings");
            List<?> first = (List<?>) embeddings.get(0);
            float[] v = new float[first.size()];
            for (int d = 0; d < v.length; d++) {
                v[d] = ((Number) first.get(d)).floatValue();
            }
            return v;
        }
    }

    private static EmbeddingTiming search(JsonNodeClient client, String body) throws IOException {
        client.send("POST", "/" + INDEX + "/_search", body);
        return EmbeddingTiming.NONE;
    }

    /** A personalize search with query text, with the node's timing of its embedding. */
    private static EmbeddingTiming personalize(JsonNodeClient client, String body) throws IOException {
        JsonNodeClient.Reply reply = client.exchange("POST", "/" + INDEX + "/_search", body);
        String millis = reply.header(EMBEDDING_HEADER);
        String waitMillis = reply.header(EMBEDDING_WAIT_HEADER);
        if (millis == null || waitMillis == null) {
            return EmbeddingTiming.UNKNOWN; // a plugin version that does not report it (to compare with earlier code)
        }
        return new EmbeddingTiming(Double.parseDouble(millis), Double.parseDouble(waitMillis));
    }

    private static String shorten(Object items) {
        String text = String.valueOf(items);
        return text.substring(0, Math.min(2000, text.length()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
