package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.eval.search.SearchReport;
import com.podcastpersonalize.it.eval.sequence.SequenceReport;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The results as JSON ({@code docs/evaluation.json}), written with OpenSearch's XContent. */
public final class JsonReport {

    private JsonReport() {}

    public static void write(Path file, List<DatasetResult> results, EvaluationOptions options, Map<String, Object> node) throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder().prettyPrint()) {
            b.startObject().field("measured_at", Instant.now().toString()).field("k", SystemScores.K).field("seed", options.seed())
                .field("max_listeners", options.maxListeners() == Integer.MAX_VALUE ? null : options.maxListeners())
                .field("max_validation_listeners", options.maxValidationListeners())
                .field("node", node)
                .startArray("datasets");
            for (DatasetResult result : results) {
                b.startObject().field("dataset", result.dataset()).field("description", result.description())
                    .field("catalogue_size", result.catalogueSize()).field("listeners_evaluated", result.listeners())
                    .field("listeners_with_relevant_held_out", result.listenersWithRelevant()).field("events_sent", result.eventsSent())
                    .field("seconds", result.seconds());
                b.startArray("systems");
                for (SystemResult s : result.systems()) {
                    system(b, s);
                }
                b.endArray();
                if (result.tuning() != null) {
                    b.startArray("goal");
                    for (SystemResult s : result.systems()) {
                        if (s.kind().equals("personalize") || s.kind().equals("tuned")) {
                            GoalCheck g = GoalCheck.of(result, s, options.seed());
                            b.startObject().field("system", g.system()).field("best_baseline", g.bestBaseline())
                                .field("ndcg_gain", g.ndcgGain()).field("ndcg_gain_ci95", new double[] { g.gainLow(), g.gainHigh() })
                                .field("coverage_ratio_to_popularity", g.coverageRatio()).field("met", g.met()).endObject();
                        }
                    }
                    b.endArray();
                    b.startObject("tuning").field("listeners", result.tuning().listeners())
                        .field("popularity_coverage", result.tuning().popularityCoverage())
                        .field("chosen", result.tuning().best().describe()).startArray("trials");
                    for (SystemResult trial : result.tuning().trials()) {
                        system(b, trial);
                    }
                    b.endArray().endObject();
                }
                SequenceReport.json(b, result, options.seed());
                SearchReport.json(b, result, options.seed());
                b.endObject();
            }
            b.endArray().endObject();
            Files.writeString(file, b.toString() + "\n", StandardCharsets.UTF_8);
        }
    }

    private static void system(XContentBuilder b, SystemResult s) throws IOException {
        b.startObject().field("system", s.system()).field("kind", s.kind()).field("parameters", s.parameters())
            .field("listeners", s.listeners()).field("ndcg_at_10", s.ndcg()).field("recall_at_10", s.recall()).field("mrr_at_10", s.mrr())
            .field("coverage", s.coverage()).field("intra_list_diversity", Double.isNaN(s.diversity()) ? null : s.diversity())
            .field("ms_per_request", s.millisPerRequest()).field("training_items_recommended", s.seenRecommended()).endObject();
    }
}
