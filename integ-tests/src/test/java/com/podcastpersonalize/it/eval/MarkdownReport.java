package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.eval.search.SearchReport;
import com.podcastpersonalize.it.eval.sequence.SequenceReport;

import java.util.List;
import java.util.Locale;

/** The results as markdown: one table per data set with the goal checks, and the validation tuning grids. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String summary(List<DatasetResult> results, long seed) {
        StringBuilder md = new StringBuilder();
        for (DatasetResult result : results) {
            md.append("### ").append(result.dataset()).append("\n\n").append(result.description()).append(". ")
                .append(String.format(Locale.ROOT, "%d listeners evaluated (of %d with a relevant held-out item); catalogue %d items; %d events sent.%n%n",
                    result.listeners(), result.listenersWithRelevant(), result.catalogueSize(), result.eventsSent()));
            md.append("| system | kind | NDCG@10 | Recall@10 | MRR@10 | coverage | diversity | ms/request |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (SystemResult s : result.systems().stream().filter(system -> !SearchReport.isSearch(system)).toList()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.3f | %.1f |%n",
                    s.system(), s.kind(), s.ndcg(), s.recall(), s.mrr(), s.coverage(), s.diversity(), s.millisPerRequest()));
            }
            md.append('\n');
            if (result.tuning() != null) {
                for (SystemResult s : result.systems()) {
                    if (s.kind().equals("personalize") || s.kind().equals("tuned")) {
                        md.append(goalLine(GoalCheck.of(result, s, seed))).append('\n');
                    }
                }
                md.append("\nTuned on validation (").append(result.tuning().listeners()).append(" listeners): ")
                    .append(result.tuning().best().describe()).append(".\n");
            }
            md.append(SequenceReport.markdown(result, seed));
            md.append(SearchReport.markdown(result, seed));
            md.append('\n');
        }
        return md.toString();
    }

    static String goalLine(GoalCheck goal) {
        return String.format(Locale.ROOT,
            "- %s vs best baseline (%s): NDCG@10 %+.1f %% (95 %% CI %+.1f %% .. %+.1f %%; goal ≥ +20 %%: %s), coverage %.1f × popularity's (goal ≥ 2: %s) → goal %s",
            goal.system(), goal.bestBaseline(), 100 * goal.ndcgGain(), 100 * goal.gainLow(), 100 * goal.gainHigh(), goal.ndcgMet() ? "met" : "missed",
            goal.coverageRatio(), goal.coverageMet() ? "met" : "missed", goal.met() ? "MET" : "MISSED");
    }

    /** Each data set's tuning grid with its validation figures. */
    public static String tuning(List<DatasetResult> results) {
        StringBuilder md = new StringBuilder();
        for (DatasetResult result : results) {
            TuningResult tuning = result.tuning();
            if (tuning == null) {
                continue;
            }
            md.append("### ").append(result.dataset()).append(": validation split, ").append(tuning.listeners())
                .append(String.format(Locale.ROOT, " listeners (popularity baseline coverage %.4f; eligible: coverage ≥ %.4f)%n%n",
                    tuning.popularityCoverage(), 2 * tuning.popularityCoverage()));
            md.append("| parameters | NDCG@10 | Recall@10 | MRR@10 | coverage | diversity | chosen |\n|---|---:|---:|---:|---:|---:|---|\n");
            for (SystemResult trial : tuning.trials()) {
                md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.3f | %s |%n", trial.system(), trial.ndcg(), trial.recall(),
                    trial.mrr(), trial.coverage(), trial.diversity(), trial.system().equals(tuning.best().describe()) ? "◀" : ""));
            }
            md.append('\n');
        }
        return md.toString();
    }
}
