package com.podcastpersonalize.it.bench;

import com.podcastpersonalize.it.support.EpisodeCatalog;
import com.podcastpersonalize.model.DjlRuntime;
import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.ModelCatalog;
import com.podcastpersonalize.model.TextEmbeddingModel;

import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.RestClient;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.podcastpersonalize.it.bench.BenchNode.deleteIndex;
import static com.podcastpersonalize.it.bench.BenchNode.heapMax;
import static com.podcastpersonalize.it.bench.BenchNode.heapUsed;
import static com.podcastpersonalize.it.bench.BenchNode.post;
import static com.podcastpersonalize.it.bench.BenchNode.put;
import static com.podcastpersonalize.it.bench.BenchNode.rssKb;
import static com.podcastpersonalize.it.bench.BenchReport.all;
import static com.podcastpersonalize.it.bench.BenchReport.median;
import static com.podcastpersonalize.it.bench.BenchReport.seconds;

/**
 * Text ingest benchmark, in one run on one machine, on real episodes (title + description):
 * <ol>
 *   <li>the raw model in this JVM, batched exactly as the processor batches (the limit);</li>
 *   <li>the raw model one text at a time;</li>
 *   <li>{@code _bulk} through a {@code podcast_text_embedding} pipeline on the real node
 *       ({@code batch_size} 32, the default), and with {@code batch_size} 1;</li>
 * </ol>
 * plus the node's heap and resident memory before and after the model loads.
 *
 * <p>Run by {@code bin/benchmark}: {@code TextIngestBenchmark <node url> <node pid> <episodes>}.
 */
public final class TextIngestBenchmark {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long pid = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        List<EpisodeCatalog.Episode> episodes = EpisodeCatalog.load().subList(0, count);
        List<String> texts = new ArrayList<>();
        for (EpisodeCatalog.Episode episode : episodes) {
            texts.add(episode.title());
            if (!episode.description().isBlank()) {
                texts.add(episode.description());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int maxBatchTokens = 1024;
        BenchReport report = new BenchReport();
        report.line("Machine: %d cores. %d real episodes (title + description = %d texts). Model bge-small-en-v1.5-q, %d engine threads, max_batch_tokens %d.",
            cores, episodes.size(), texts.size(), cores, maxBatchTokens);

        try (RestClient client = RestClient.builder(HttpHost.create(url)).build()) {
            long rssBefore = rssKb(pid);
            long heapBefore = heapUsed(client);
            DjlRuntime.configure(Files.createTempDirectory("bench-djl"));
            ModelCatalog catalog = ModelCatalog.load(Optional.<Path>empty());
            put(client, "/_ingest/pipeline/bench-text", """
                {"processors": [{"podcast_text_embedding": {"source_fields": ["title", "description"], "target_field": "text_vector"}}]}""");
            put(client, "/_ingest/pipeline/bench-text-single", """
                {"processors": [{"podcast_text_embedding": {"source_fields": ["title", "description"], "target_field": "text_vector", "batch_size": 1}}]}""");
            // rounds alternate the four paths so that background load on a shared machine hits them alike; medians are reported
            int rounds = 3;
            double[] rawBatched = new double[rounds];
            double[] rawSingle = new double[rounds];
            double[] bulkBatched = new double[rounds];
            double[] bulkSingle = new double[rounds];
            try (TextEmbeddingModel model = TextEmbeddingModel.load(catalog, catalog.find(catalog.defaultModel()).orElseThrow(), cores, 64)) {
                model.embed(texts.subList(0, 64), InputType.DOCUMENT, 16, maxBatchTokens);
                for (int round = 0; round < rounds; round++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < texts.size(); i += 64) { // the processor's default batch_size is 32 docs = up to 64 texts
                        model.embed(texts.subList(i, Math.min(texts.size(), i + 64)), InputType.DOCUMENT, 16, maxBatchTokens);
                    }
                    rawBatched[round] = episodes.size() / seconds(start);
                    start = System.nanoTime();
                    for (String text : texts) {
                        model.embed(List.of(text), InputType.DOCUMENT, 16, maxBatchTokens);
                    }
                    rawSingle[round] = episodes.size() / seconds(start);
                    bulkBatched[round] = bulk(client, "bench-text", episodes);
                    bulkSingle[round] = bulk(client, "bench-text-single", episodes);
                }
            }
            long rssAfter = rssKb(pid);
            long heapAfter = heapUsed(client);

            report.line("");
            double limit = median(rawBatched);
            report.line("| path | episodes/s (median of %d rounds) | all rounds | vs raw batched |", rounds);
            report.line("|---|---|---|---|");
            report.line("| raw model, batched as the processor (the limit) | %.1f | %s | 1.00 |", limit, all(rawBatched, 1));
            report.line("| raw model, one text at a time | %.1f | %s | %.2f |", median(rawSingle), all(rawSingle, 1), median(rawSingle) / limit);
            report.line("| `_bulk` (500 docs/request) through the pipeline, batch_size 32 (default) | %.1f | %s | %.2f |", median(bulkBatched), all(bulkBatched, 1), median(bulkBatched) / limit);
            report.line("| `_bulk` through the pipeline, batch_size 1 | %.1f | %s | %.2f |", median(bulkSingle), all(bulkSingle, 1), median(bulkSingle) / limit);
            report.line("");
            report.line("Batched ÷ one-at-a-time: raw model %.2f, through the node %.2f.", limit / median(rawSingle), median(bulkBatched) / median(bulkSingle));
            report.line("Node memory: resident %d MB before the model loaded, %d MB after (+%d MB: model, ONNX Runtime, tokenizer); heap used %d MB before, %d MB after (of %s).",
                rssBefore / 1024, rssAfter / 1024, (rssAfter - rssBefore) / 1024, heapBefore >> 20, heapAfter >> 20, heapMax(client));
        }
        report.print();
    }

    private static double bulk(RestClient client, String pipeline, List<EpisodeCatalog.Episode> episodes) throws Exception {
        String index = "bench-" + pipeline;
        deleteIndex(client, index);
        put(client, "/" + index, """
            {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
             "mappings": {"properties": {"text_vector": {"type": "knn_vector", "dimension": 384,
               "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""");
        // warm-up: the model loads on first use
        post(client, "/" + index + "/_bulk?pipeline=" + pipeline, bulkBody(episodes.subList(0, 20), "warm"));
        long start = System.nanoTime();
        for (int i = 0; i < episodes.size(); i += 500) {
            String response = post(client, "/" + index + "/_bulk?pipeline=" + pipeline, bulkBody(episodes.subList(i, Math.min(episodes.size(), i + 500)), ""));
            if (response.contains("\"errors\":true")) {
                throw new IllegalStateException("bulk errors: " + response.substring(0, Math.min(2000, response.length())));
            }
        }
        return episodes.size() / seconds(start);
    }

    private static String bulkBody(List<EpisodeCatalog.Episode> episodes, String idPrefix) throws Exception {
        StringBuilder body = new StringBuilder();
        for (EpisodeCatalog.Episode episode : episodes) {
            body.append("{\"index\":{\"_id\":\"").append(idPrefix).append(episode.id()).append("\"}}\n");
            try (XContentBuilder source = JsonXContent.contentBuilder()) {
                source.map(Map.of("title", episode.title(), "description", episode.description()));
                body.append(source.toString()).append('\n');
            }
        }
        return body.toString();
    }
}
