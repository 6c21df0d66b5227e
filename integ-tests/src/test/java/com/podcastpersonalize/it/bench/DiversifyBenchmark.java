package com.podcastpersonalize.it.bench;

import com.podcastpersonalize.diversify.DiversifyProcessorFactory;
import com.podcastpersonalize.diversify.MaximalMarginalRelevance;
import com.podcastpersonalize.it.eval.IntraListDiversity;
import com.podcastpersonalize.it.support.JsonNodeClient;
import com.podcastpersonalize.model.VectorMath;

import org.apache.lucene.search.TotalHits;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.ShardSearchFailure;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.search.SearchHit;
import org.opensearch.search.SearchHits;
import org.opensearch.search.internal.InternalSearchResponse;
import org.opensearch.search.pipeline.SearchResponseProcessor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Cost of the {@code podcast_diversify} response processor per response, and what it does to a page.
 * <ol>
 *   <li>In this JVM: the processor on responses of {@code window} hits whose {@code _source} holds a
 *       title, a 400-character description, a show id and a 384-d vector as JSON (as a node hands
 *       them over: unparsed bytes, so reading the vectors includes parsing each source), and the
 *       MMR selection alone, for windows of 50, 200 and 1,000.</li>
 *   <li>With a node URL: generated episodes (384-d vectors around topic centroids; shows of Zipf
 *       sizes whose episodes sit close together), k-NN searches with {@code size} 50 with and without
 *       a {@code podcast_diversify} pipeline, alternating; the search's own {@code took}, the client
 *       latency, the processor's time from the node's search pipeline stats, and the top 10's
 *       intra-list diversity and largest number of hits of one show.</li>
 * </ol>
 *
 * <p>{@code DiversifyBenchmark [node url] [episodes] [queries]}; the output is the Markdown of
 * docs/benchmarks/diversify.md.
 */
public final class DiversifyBenchmark {

    private static final int DIMENSION = 384;
    private static final Random RANDOM = new Random(42);
    private static final String INDEX = "bench-diversify";
    private static final String PIPELINE = "bench-diversify";
    private static final int TOPICS = 40;
    private static final int SHOWS = 400;

    public static void main(String[] args) throws Exception {
        BenchReport report = new BenchReport();
        inProcess(report);
        if (args.length > 0) {
            onNode(report, args[0], args.length > 1 ? Integer.parseInt(args[1]) : 20_000, args.length > 2 ? Integer.parseInt(args[2]) : 300);
        }
        report.print();
    }

    private static void inProcess(BenchReport report) throws Exception {
        report.line("## Processor cost per response (one thread, this JVM)");
        report.line("");
        report.line("Hits as a node hands them to response processors: `_source` bytes with title, a 400-character description, `show_id` and a 384-d `text_vector`; 20 shows; lambda 0.3, max_per_show 2.");
        report.line("");
        report.line("| window | processor p50 µs | processor p99 µs | of which MMR selection p50 µs | µs per hit |");
        report.line("|---:|---:|---:|---:|---:|");
        for (int[] run : new int[][] { { 50, 4000 }, { 200, 400 }, { 1000, 30 } }) {
            int window = run[0];
            int iterations = run[1];
            BytesReference[] sources = new BytesReference[window];
            float[][] vectors = new float[window][];
            String[][] shows = new String[window][];
            float[] scores = new float[window];
            for (int i = 0; i < window; i++) {
                vectors[i] = randomUnitVector();
                shows[i] = new String[] { "show-" + RANDOM.nextInt(20) };
                scores[i] = 10f - i * 0.01f;
                sources[i] = new BytesArray(sourceJson(shows[i][0], vectors[i]));
            }
            SearchResponseProcessor processor = new DiversifyProcessorFactory().create(Map.of(), null, null, false, new HashMap<>(Map.of(
                "vector_field", "text_vector", "lambda", 0.3, "max_per_show", 2, "window", window)), null);
            int warmup = Math.max(10, iterations / 4);
            double[] total = new double[iterations];
            double[] selection = new double[iterations];
            for (int i = -warmup; i < iterations; i++) {
                SearchResponse response = response(sources, scores);
                long start = System.nanoTime();
                processor.processResponse(null, response);
                long middle = System.nanoTime();
                MaximalMarginalRelevance.select(scores, vectors, shows, 0.3, 2);
                long end = System.nanoTime();
                if (i >= 0) {
                    total[i] = (middle - start) / 1e3;
                    selection[i] = (end - middle) / 1e3;
                }
            }
            double p50 = BenchReport.median(total);
            report.line("| %d | %.0f | %.0f | %.0f | %.1f |", window, p50, BenchReport.percentile(total, 99), BenchReport.median(selection), p50 / window);
        }
        report.line("");
    }

    private static void onNode(BenchReport report, String url, int episodes, int queries) throws Exception {
        try (JsonNodeClient client = new JsonNodeClient(url, Duration.ofMinutes(30))) {
            Catalogue catalogue = new Catalogue(episodes);
            long indexStart = System.nanoTime();
            catalogue.index(client);
            double indexSeconds = BenchReport.seconds(indexStart);
            client.send("PUT", "/_search/pipeline/" + PIPELINE, """
                {"response_processors": [{"podcast_diversify": {
                    "vector_field": "text_vector", "lambda": 0.3, "max_per_show": 2, "show_field": "show_id", "window": 50}}]}""");
            Map<String, Integer> showOf = catalogue.showOf;

            double[][] latency = new double[2][queries];
            double[][] took = new double[2][queries];
            double[][] diversity = new double[2][queries];
            double[][] maxPerShow = new double[2][queries];
            double[][] distinctShows = new double[2][queries];
            int warmup = Math.min(50, queries);
            long processorMillisBefore = 0;
            for (int q = -warmup; q < queries; q++) {
                if (q == 0) {
                    processorMillisBefore = processorMillis(client);
                }
                String body = knnBody(catalogue.queryVector());
                for (int path = 0; path < 2; path++) {
                    String target = "/" + INDEX + "/_search" + (path == 1 ? "?search_pipeline=" + PIPELINE : "");
                    long start = System.nanoTime();
                    Map<String, Object> response = client.send("POST", target, body);
                    double millis = (System.nanoTime() - start) / 1e6;
                    if (q >= 0) {
                        List<String> top = JsonNodeClient.ids(response).subList(0, 10);
                        latency[path][q] = millis;
                        took[path][q] = ((Number) response.get("took")).doubleValue();
                        diversity[path][q] = IntraListDiversity.of(top, catalogue.vectors);
                        Map<Integer, Integer> counts = new HashMap<>();
                        top.forEach(id -> counts.merge(showOf.get(id), 1, Integer::sum));
                        maxPerShow[path][q] = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                        distinctShows[path][q] = counts.size();
                    }
                }
            }
            double processorMillis = processorMillis(client) - processorMillisBefore;

            report.line("## On a node: k-NN search, size 50, with and without the pipeline");
            report.line("");
            report.line("%d generated episodes (%d topics, %d shows of Zipf sizes, %d-d vectors, lucene HNSW, 2 shards) indexed in %.0f s; "
                + "k-NN with k 50 and size 50 on a vector near a random topic; %d queries per path after %d warm-up rounds, alternating; one client thread. "
                + "Pipeline: lambda 0.3, max_per_show 2, window 50.",
                episodes, TOPICS, SHOWS, DIMENSION, indexSeconds, queries, warmup);
            report.line("");
            report.line("| | search `took` p50 ms | client latency p50 ms | client latency p99 ms | top-10 intra-list diversity (mean) | shows in the top 10 (mean) | most hits of one show in the top 10 (mean) |");
            report.line("|---|---:|---:|---:|---:|---:|---:|");
            String[] names = { "k-NN alone", "k-NN + podcast_diversify" };
            for (int path = 0; path < 2; path++) {
                report.line("| %s | %.1f | %.1f | %.1f | %.3f | %.2f | %.2f |", names[path], BenchReport.median(took[path]), BenchReport.median(latency[path]),
                    BenchReport.percentile(latency[path], 99), mean(diversity[path]), mean(distinctShows[path]), mean(maxPerShow[path]));
            }
            report.line("");
            report.line("The node's search pipeline stats give the processor %.0f ms over %d responses: %.2f ms per response (millisecond-granular total), "
                + "against a search `took` of %.1f ms (p50); client latency p50 %+.1f ms with the pipeline.",
                processorMillis, queries, processorMillis / queries, BenchReport.median(took[0]),
                BenchReport.median(latency[1]) - BenchReport.median(latency[0]));
            client.send("DELETE", "/" + INDEX, (String) null);
            client.send("DELETE", "/_search/pipeline/" + PIPELINE, (String) null);
        }
    }

    /** The processor's total time from the node stats ({@code search_pipeline.pipelines.<id>.response_processors}). */
    @SuppressWarnings("unchecked")
    private static long processorMillis(JsonNodeClient client) throws Exception {
        Map<String, Object> stats = client.send("GET", "/_nodes/stats/search_pipeline", (String) null);
        long millis = 0;
        for (Object node : ((Map<String, Object>) stats.get("nodes")).values()) {
            Map<String, Object> pipelines = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) node).get("search_pipeline")).get("pipelines");
            Map<String, Object> ours = (Map<String, Object>) pipelines.get(PIPELINE);
            if (ours == null) {
                continue;
            }
            for (Object processor : (List<Object>) ours.get("response_processors")) {
                for (Object value : ((Map<String, Object>) processor).values()) {
                    Map<String, Object> processorStats = (Map<String, Object>) ((Map<String, Object>) value).get("stats");
                    millis += ((Number) processorStats.get("time_in_millis")).longValue();
                }
            }
        }
        return millis;
    }

    private static String knnBody(float[] vector) {
        return "{\"size\": 50, \"query\": {\"knn\": {\"text_vector\": {\"vector\": " + json(vector) + ", \"k\": 50}}}}";
    }

    private static SearchResponse response(BytesReference[] sources, float[] scores) {
        SearchHit[] hits = new SearchHit[sources.length];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = new SearchHit(i, "e" + i, Map.of(), Map.of());
            hits[i].score(scores[i]);
            hits[i].sourceRef(sources[i]);
        }
        SearchHits searchHits = new SearchHits(hits, new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), scores[0]);
        return new SearchResponse(new InternalSearchResponse(searchHits, null, null, null, false, null, 1), null, 2, 2, 0, 5,
            ShardSearchFailure.EMPTY_ARRAY, SearchResponse.Clusters.EMPTY);
    }

    private static String sourceJson(String show, float[] vector) {
        return "{\"title\": \"An episode about something\", \"description\": \"" + "words ".repeat(66) + "\", \"show_id\": \"" + show
            + "\", \"text_vector\": " + json(vector) + "}";
    }

    private static String json(float[] vector) {
        StringJoiner values = new StringJoiner(",", "[", "]");
        for (float x : vector) {
            values.add(Float.toString(x));
        }
        return values.toString();
    }

    private static float[] randomUnitVector() {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) RANDOM.nextGaussian();
        }
        return normalize(v);
    }

    private static float[] normalize(float[] v) {
        VectorMath.normalizeInPlace(v);
        return v;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> Double.isNaN(v) == false).average().orElse(Double.NaN);
    }

    /**
     * Episodes of shows of Zipf sizes; each show belongs to a topic (10 shows a topic) and its
     * episodes sit around the show's own direction, so a big show's episodes crowd a query on its topic.
     */
    private static final class Catalogue {
        final Map<String, float[]> vectors = new HashMap<>();
        final Map<String, Integer> showOf = new HashMap<>();
        final List<String> ids = new ArrayList<>();
        final float[][] showCentroids = new float[SHOWS][];
        final float[][] topics = new float[TOPICS][];

        Catalogue(int episodes) {
            for (int t = 0; t < TOPICS; t++) {
                topics[t] = randomUnitVector();
            }
            for (int s = 0; s < SHOWS; s++) {
                showCentroids[s] = near(topics[s % TOPICS], 0.5);
            }
            double[] cumulative = new double[SHOWS];
            double sum = 0;
            for (int s = 0; s < SHOWS; s++) {
                sum += 1.0 / (s + 1);
                cumulative[s] = sum;
            }
            for (int e = 0; e < episodes; e++) {
                double draw = RANDOM.nextDouble() * sum;
                int show = 0;
                while (cumulative[show] < draw) {
                    show++;
                }
                String id = "ep-" + e;
                ids.add(id);
                showOf.put(id, show);
                vectors.put(id, near(showCentroids[show], 0.6));
            }
        }

        void index(JsonNodeClient client) throws Exception {
            client.send("DELETE", "/" + INDEX + "?ignore_unavailable=true", (String) null);
            client.send("PUT", "/" + INDEX, """
                {"settings": {"index": {"knn": true, "number_of_shards": 2, "number_of_replicas": 0, "refresh_interval": "-1"}},
                 "mappings": {"properties": {"title": {"type": "text"}, "show_id": {"type": "keyword"},
                   "text_vector": {"type": "knn_vector", "dimension": %d,
                     "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""".formatted(DIMENSION));
            StringBuilder bulk = new StringBuilder();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                bulk.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n");
                bulk.append(sourceJson("show-" + showOf.get(id), vectors.get(id))).append('\n');
                if ((i + 1) % 1000 == 0 || i == ids.size() - 1) {
                    Map<String, Object> response = client.send("POST", "/" + INDEX + "/_bulk", bulk.toString());
                    if (Boolean.TRUE.equals(response.get("errors"))) {
                        throw new IllegalStateException("bulk failed: " + response.toString().substring(0, 500));
                    }
                    bulk.setLength(0);
                }
            }
            client.send("POST", "/" + INDEX + "/_refresh", (String) null);
            client.send("POST", "/" + INDEX + "/_forcemerge?max_num_segments=1", (String) null);
        }

        /** A query about a random topic: its shows of all sizes compete, the big ones crowd the top. */
        float[] queryVector() {
            return near(topics[RANDOM.nextInt(TOPICS)], 0.5);
        }

        /** A unit vector around {@code centre}, with Gaussian noise of total length about {@code spread}. */
        private static float[] near(float[] centre, double spread) {
            float[] v = new float[DIMENSION];
            double noise = spread / Math.sqrt(DIMENSION);
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = (float) (centre[d] + RANDOM.nextGaussian() * noise);
            }
            return normalize(v);
        }
    }
}
