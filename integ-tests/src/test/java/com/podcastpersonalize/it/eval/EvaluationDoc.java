package com.podcastpersonalize.it.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** {@code docs/evaluation.md}: how the figures were measured, the tables, the chart and the tuning grids. */
public final class EvaluationDoc {

    private EvaluationDoc() {}

    public static void write(Path file, List<DatasetResult> results, EvaluationOptions options, String summary) throws IOException {
        String sampling = options.maxListeners() == Integer.MAX_VALUE
            ? "every listener with a relevant held-out item"
            : "at most " + options.maxListeners() + " listeners per data set (seeded sample of those with a relevant held-out item)";
        String md = "# Offline evaluation\n\n"
            + "Measured " + LocalDate.now(ZoneOffset.UTC) + " by `bin/evaluate` on a fresh real node (OpenSearch 3.5.0, k-NN, podcast-personalize) on "
            + Runtime.getRuntime().availableProcessors() + " cores; " + sampling + "; seed " + options.seed() + ". Raw figures: "
            + "[evaluation.json](evaluation.json).\n\n"
            + "**Method.** Items are indexed through a `podcast_text_embedding` pipeline (384-d text vector, Lucene HNSW, cosine) "
            + "with `play_count` = the item's training interactions. Each listener's interactions are put in time order and the latest "
            + "share is held out (MovieLens: 20 %, rating ≥ 4 is relevant; podcasts: 30 % of a seeded random order, every show relevant). "
            + "The training part goes in through `POST /_plugins/podcast/events` (MovieLens: ≥ 4 complete, ≥ 4.5 also like, ≤ 1.5 dislike, "
            + "2 skip, 2.5–3.5 play with 25–75 % position, real timestamps; podcasts: subscribe + complete). Every system returns 10 items "
            + "the listener has not seen in training; `personalize` is asked with no query text and `exclude_heard: true` "
            + "(`plugins.podcast.listeners.recent_heard_size` set to 10,000 so that every training item counts as heard). "
            + "Metrics: NDCG@10 and Recall@10 (binary relevance), MRR@10, catalogue coverage (distinct items in all top-10 lists ÷ catalogue), "
            + "intra-list diversity (1 − mean pairwise cosine of the text vectors). The gain's interval is a paired bootstrap over listeners.\n\n"
            + "**Tuning.** Only on a validation split: each listener's training part split again the same way, separate validation profiles "
            + "built from the part before it, popularity counted over that part (`play_count_validation`), the co-listening model trained from the validation "
            + "profiles' events only (the test profiles' events train the model the test uses). The grid (popularity weight × collaborative "
            + "weight × normalization, interest weight 0.4, popularity pivot 1000) is in the last section; the chosen configuration is the best validation NDCG@10 among those "
            + "with at least twice the popularity baseline's validation coverage, and it is then run once on the test split.\n\n"
            + "**Sequence-aware interest (issue 8).** The plugin's sequence model (a GRU, DJL, PyTorch CPU; each of the latest 10 liked "
            + "episodes' vectors projected to 64 units, 64 hidden units, a linear layer back to a unit text vector; softmax over the whole "
            + "catalogue at cosine ÷ 0.02, Adam, 300 steps of 256 windows, seeded, settings chosen on the validation split) is trained in the "
            + "node by `POST /_plugins/podcast/sequence/_train` from the stored events (training parts only), after the tuning. `personalize` "
            + "then serves its prediction, recentered onto the episodes' cone, as one more interest at strength `weights.sequence` (default 0: "
            + "it improved neither data set); the rows at strengths 0.5 to 3, and with the learned ranker at strength 1, measure what it "
            + "adds. The experiment rows train the same "
            + "model classes in the harness and run k-NN with the mean-vector baseline's search and exclusion on the plugin's own decayed "
            + "short-term interest (read from the listener's profile), on the GRU's prediction, and on the unit sum of both; the section "
            + "under each table compares the GRU with the short-term vector (paired bootstrap) and gives its training time.\n\n"
            + "## Results (test split)\n\n" + summary
            + "![NDCG@10 and coverage per system](evaluation.svg)\n\n"
            + "## Tuning grid (validation split)\n\n" + MarkdownReport.tuning(results);
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }
}
