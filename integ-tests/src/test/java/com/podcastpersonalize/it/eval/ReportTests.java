package com.podcastpersonalize.it.eval;

import org.opensearch.test.OpenSearchTestCase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The report writers on a small made-up result (rendering only: the figures are not measured). */
public class ReportTests extends OpenSearchTestCase {

    private static SystemResult system(String name, String kind, double ndcg, double coverage) {
        return new SystemResult(name, kind, "p", 2, ndcg, ndcg, ndcg, coverage, 0.5, 1.0, 0, new double[] { ndcg, ndcg });
    }

    private static DatasetResult result() {
        PersonalizeConfig best = TuningGrid.configs("play_count_validation").get(3);
        SystemResult trial = system(best.name(), "tuned", 0.1, 0.2);
        return new DatasetResult("toy", "a toy <data> set", 10, 2, 3, 40,
            List.of(system("popularity", "baseline", 0.10, 0.05), system("k-NN on mean vector", "baseline", 0.05, 0.3),
                system(PersonalizeSystems.DEFAULT, "personalize", 0.13, 0.2), system(PersonalizeSystems.TUNED, "tuned", 0.11, 0.08)),
            new TuningResult(List.of(trial), 0.05, best, 2), Map.of("index", 1.0));
    }

    public void testTheTableShowsEverySystemAndTheGoalChecks() {
        String md = MarkdownReport.summary(List.of(result()), 1);
        assertTrue(md, md.contains("| popularity | baseline | 0.1000 |"));
        assertTrue(md, md.contains("personalize (defaults, saturation) vs best baseline (popularity): NDCG@10 +30.0 %"));
        assertTrue(md, md.contains("coverage 4.0 × popularity's (goal ≥ 2: met) → goal MET"));
        assertTrue(md, md.contains("NDCG@10 +10.0 %") && md.contains("goal MISSED"));
        assertTrue(MarkdownReport.tuning(List.of(result())).contains("◀"));
    }

    public void testTheWritersProduceJsonSvgAndMarkdown() throws Exception {
        Path dir = createTempDir();
        EvaluationOptions options = EvaluationOptions.parse(new String[] { "--out", dir.toString() }, 0);
        JsonReport.write(dir.resolve("evaluation.json"), List.of(result()), options, Map.of("opensearch", "3.5.0"));
        String json = Files.readString(dir.resolve("evaluation.json"));
        assertTrue(json, json.contains("\"ndcg_at_10\" : 0.13") && json.contains("\"met\" : true"));
        String svg = SvgChart.render(List.of(result()));
        assertTrue(svg.startsWith("<svg") && svg.contains("a toy") == false && svg.contains("toy (2 listeners)") && svg.trim().endsWith("</svg>"));
        EvaluationDoc.write(dir.resolve("evaluation.md"), List.of(result()), options, "SUMMARY");
        assertTrue(Files.readString(dir.resolve("evaluation.md")).contains("SUMMARY"));
    }
}
