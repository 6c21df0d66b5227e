package com.podcastpersonalize.it.eval.search;

import com.podcastpersonalize.it.eval.DatasetResult;
import com.podcastpersonalize.it.eval.PairedBootstrap;
import com.podcastpersonalize.it.eval.SystemResult;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The personalized-search section of one data set, for the reports: each search system's figures and
 * the paired bootstrap interval of {@code interest_candidates} false (the default) against true
 * (and likewise with the learned ranker). Empty when the data set's run had no search systems.
 */
public final class SearchReport {

    private SearchReport() {}

    /** Whether a system belongs to this section (and not to the recommendation table). */
    public static boolean isSearch(SystemResult system) {
        return SearchEvaluation.KIND.equals(system.kind());
    }

    private static List<SystemResult> systems(DatasetResult result) {
        return result.systems().stream().filter(SearchReport::isSearch).toList();
    }

    private static Optional<SystemResult> find(DatasetResult result, String name) {
        return systems(result).stream().filter(s -> s.system().equals(name)).findFirst();
    }

    /** {@code candidate}'s NDCG@10 over {@code base}'s, when both ran. */
    static Optional<PairedBootstrap.NdcgGain> gain(DatasetResult result, String candidate, String base, long seed) {
        Optional<SystemResult> a = find(result, candidate);
        Optional<SystemResult> b = find(result, base);
        if (a.isEmpty() || b.isEmpty() || a.get().listeners() == 0) {
            return Optional.empty();
        }
        return Optional.of(PairedBootstrap.ndcgGain(a.get(), b.get(), seed));
    }

    /** The markdown section, or "" when the data set has no search systems. */
    public static String markdown(DatasetResult result, long seed) {
        List<SystemResult> systems = systems(result);
        if (systems.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%n**Personalized search** (%d listeners, each searching a topic of one of their held-out likes; "
            + "relevant: their held-out likes with that topic):%n%n", systems.getFirst().listeners()));
        md.append("| system | NDCG@10 | Recall@10 | MRR@10 | coverage | ms/request |\n|---|---:|---:|---:|---:|---:|\n");
        for (SystemResult s : systems) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.1f |%n", s.system(), s.ndcg(), s.recall(), s.mrr(), s.coverage(),
                s.millisPerRequest()));
        }
        md.append('\n');
        appendGain(md, result, SearchEvaluation.QUERY_CANDIDATES, SearchEvaluation.QUERY_ONLY, seed);
        appendGain(md, result, SearchEvaluation.QUERY_CANDIDATES, SearchEvaluation.INTEREST_CANDIDATES, seed);
        appendGain(md, result, SearchEvaluation.LEARNED_QUERY_CANDIDATES, SearchEvaluation.LEARNED, seed);
        return md.toString();
    }

    private static void appendGain(StringBuilder md, DatasetResult result, String candidate, String base, long seed) {
        gain(result, candidate, base, seed).ifPresent(g -> md.append(String.format(Locale.ROOT,
            "- %s vs %s: NDCG@10 %+.1f %% (95 %% CI %+.1f %% .. %+.1f %%)%n", candidate, base, 100 * g.gain(), 100 * g.low(), 100 * g.high())));
    }

    /** A {@code personalized_search} field with the paired comparisons, when the data set has search systems. */
    public static void json(XContentBuilder b, DatasetResult result, long seed) throws IOException {
        if (systems(result).isEmpty()) {
            return;
        }
        b.startObject("personalized_search");
        jsonGain(b, "personalize_vs_query_only", gain(result, SearchEvaluation.QUERY_CANDIDATES, SearchEvaluation.QUERY_ONLY, seed));
        jsonGain(b, "query_candidates_vs_interest_candidates", gain(result, SearchEvaluation.QUERY_CANDIDATES, SearchEvaluation.INTEREST_CANDIDATES, seed));
        jsonGain(b, "learned_query_candidates_vs_learned", gain(result, SearchEvaluation.LEARNED_QUERY_CANDIDATES, SearchEvaluation.LEARNED, seed));
        b.endObject();
    }

    private static void jsonGain(XContentBuilder b, String name, Optional<PairedBootstrap.NdcgGain> gain) throws IOException {
        if (gain.isPresent()) {
            b.startObject(name).field("gain", gain.get().gain()).field("ci95", new double[] { gain.get().low(), gain.get().high() }).endObject();
        }
    }
}
