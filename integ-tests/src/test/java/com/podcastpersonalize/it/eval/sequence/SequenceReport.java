package com.podcastpersonalize.it.eval.sequence;

import com.podcastpersonalize.it.eval.DatasetResult;
import com.podcastpersonalize.it.eval.PairedBootstrap;
import com.podcastpersonalize.it.eval.SystemResult;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "sequence-aware interest" comparison of one data set, for the reports: NDCG@10 of k-NN on the
 * short-term interest, on the GRU's next interest and on both, and the paired bootstrap interval of
 * the GRU's gain over the short-term vector. Empty when the data set's run did not include them.
 */
public record SequenceReport(SystemResult shortTerm, SystemResult gru, SystemResult combined, double gain, double gainLow, double gainHigh,
    Double trainingSeconds) {

    public static Optional<SequenceReport> of(DatasetResult result, long seed) {
        List<SystemResult> systems = result.systems();
        Optional<SystemResult> shortTerm = find(systems, SequenceInterestComparison.SHORT_TERM);
        Optional<SystemResult> gru = find(systems, SequenceInterestComparison.GRU);
        Optional<SystemResult> combined = find(systems, SequenceInterestComparison.COMBINED);
        if (shortTerm.isEmpty() || gru.isEmpty() || combined.isEmpty()) {
            return Optional.empty();
        }
        PairedBootstrap.NdcgGain gain = PairedBootstrap.ndcgGain(gru.get(), shortTerm.get(), seed);
        return Optional.of(new SequenceReport(shortTerm.get(), gru.get(), combined.get(), gain.gain(), gain.low(), gain.high(),
            result.seconds().get(SequenceInterestComparison.TRAINING_SECONDS)));
    }

    private static Optional<SystemResult> find(List<SystemResult> systems, String name) {
        return systems.stream().filter(s -> s.system().equals(name)).findFirst();
    }

    /** The GRU beats the short-term vector when the whole 95 % interval of its gain is above zero. */
    public boolean gruWins() {
        return gainLow > 0;
    }

    /** The markdown section, or "" when the data set has no such comparison. */
    public static String markdown(DatasetResult result, long seed) {
        return of(result, seed).map(SequenceReport::markdown).orElse("");
    }

    String markdown() {
        StringBuilder md = new StringBuilder("\n**Sequence-aware interest** (issue 8; k-NN on one interest vector, training items filtered out):\n\n");
        md.append("| interest vector | NDCG@10 | Recall@10 | MRR@10 | coverage |\n|---|---:|---:|---:|---:|\n");
        for (SystemResult s : List.of(shortTerm, gru, combined)) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f |%n", s.system(), s.ndcg(), s.recall(), s.mrr(), s.coverage()));
        }
        md.append(String.format(Locale.ROOT, "%n- GRU vs short-term: NDCG@10 %+.1f %% (95 %% CI %+.1f %% .. %+.1f %%) → %s%n", 100 * gain, 100 * gainLow,
            100 * gainHigh, gruWins() ? "the GRU wins" : "no clear win for the GRU"));
        if (trainingSeconds != null) {
            md.append(String.format(Locale.ROOT, "- GRU training: %.0f s on this machine (DJL, PyTorch CPU)%n", trainingSeconds));
        }
        return md.toString();
    }

    /** A {@code sequence_comparison} field, when the data set has such a comparison. */
    public static void json(XContentBuilder b, DatasetResult result, long seed) throws IOException {
        Optional<SequenceReport> report = of(result, seed);
        if (report.isEmpty()) {
            return;
        }
        SequenceReport r = report.get();
        b.startObject("sequence_comparison")
            .field("short_term_ndcg_at_10", r.shortTerm.ndcg())
            .field("gru_ndcg_at_10", r.gru.ndcg())
            .field("combined_ndcg_at_10", r.combined.ndcg())
            .field("gru_vs_short_term_gain", r.gain)
            .field("gru_vs_short_term_gain_ci95", new double[] { r.gainLow, r.gainHigh })
            .field("gru_wins", r.gruWins())
            .field("gru_training_seconds", r.trainingSeconds)
            .endObject();
    }
}
