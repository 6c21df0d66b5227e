package com.podcastpersonalize.it.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as an SVG bar chart ({@code docs/evaluation.svg}): one panel per data set, a row per
 * system, NDCG@10 bars (with the goal, 1.2 × the best baseline, as a dashed line) and coverage bars,
 * coloured by kind.
 */
public final class SvgChart {

    static final Map<String, String> COLOURS = Map.of("baseline", "#9e9e9e", "personalize", "#1f77b4", "ablation", "#9ecae1", "tuned", "#2ca02c",
        "reference", "#ff7f0e");
    private static final int LABEL_W = 290, NDCG_W = 330, GAP = 40, COVERAGE_W = 220, ROW = 20, PANEL_HEAD = 46;
    private static final int WIDTH = LABEL_W + NDCG_W + GAP + COVERAGE_W + 90;

    private SvgChart() {}

    public static void write(Path file, List<DatasetResult> results) throws IOException {
        Files.writeString(file, render(results), StandardCharsets.UTF_8);
    }

    static String render(List<DatasetResult> results) {
        int height = 50;
        for (DatasetResult r : results) {
            height += PANEL_HEAD + ROW * r.systems().size() + 24;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Offline evaluation: NDCG@10 and catalogue coverage per system</text>\n");
        int legendX = 10;
        for (String kind : List.of("baseline", "personalize", "ablation", "tuned", "reference")) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"42\">%s</text>%n",
                legendX, COLOURS.get(kind), legendX + 16, kind));
            legendX += 100;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"38\" x2=\"%d\" y2=\"38\" stroke=\"#d62728\" stroke-dasharray=\"4,3\"/><text x=\"%d\" y=\"42\">goal: 1.2 × best baseline</text>%n",
            legendX, legendX + 20, legendX + 24));
        int y = 50;
        for (DatasetResult r : results) {
            y = panel(svg, r, y);
        }
        return svg.append("</svg>\n").toString();
    }

    private static int panel(StringBuilder svg, DatasetResult r, int top) {
        double goal = 1.2 * r.bestBaseline().ndcg();
        double maxNdcg = Math.max(goal, r.systems().stream().mapToDouble(SystemResult::ndcg).max().orElse(0)) * 1.1;
        double maxCoverage = r.systems().stream().mapToDouble(SystemResult::coverage).max().orElse(0) * 1.1;
        int x0 = LABEL_W, c0 = LABEL_W + NDCG_W + GAP;
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s (%d listeners)</text>%n", top + 20, escape(r.dataset()), r.listeners()));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">NDCG@10</text><text x=\"%d\" y=\"%d\" font-weight=\"bold\">coverage</text>%n",
            x0, top + 38, c0, top + 38));
        int y = top + PANEL_HEAD;
        for (SystemResult s : r.systems()) {
            String colour = COLOURS.getOrDefault(s.kind(), "#555555");
            int w = maxNdcg == 0 ? 0 : (int) Math.round(NDCG_W * s.ndcg() / maxNdcg);
            int cw = maxCoverage == 0 ? 0 : (int) Math.round(COVERAGE_W * s.coverage() / maxCoverage);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", x0 - 6, y + 13, escape(s.system())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%.4f</text>%n",
                x0, y + 2, w, colour, x0 + w + 4, y + 13, s.ndcg()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%.3f</text>%n",
                c0, y + 2, cw, colour, c0 + cw + 4, y + 13, s.coverage()));
            y += ROW;
        }
        if (maxNdcg > 0) {
            int gx = x0 + (int) Math.round(NDCG_W * goal / maxNdcg);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d62728\" stroke-dasharray=\"4,3\"/>%n", gx, top + PANEL_HEAD, gx, y));
        }
        return y + 24;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
