package com.podcastpersonalize.it.bench;

import java.util.Arrays;
import java.util.Locale;

/** Collects a benchmark's report as Markdown lines and prints it; with the small statistics the reports use. */
final class BenchReport {

    private final StringBuilder text = new StringBuilder();

    void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    void print() {
        System.out.print(text);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The nearest-rank percentile ({@code percent} in (0, 100]). */
    static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(percent / 100 * sorted.length) - 1))];
    }

    /** Every value with the given decimals, comma-separated. */
    static String all(double[] values, int decimals) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%." + decimals + "f", v)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
