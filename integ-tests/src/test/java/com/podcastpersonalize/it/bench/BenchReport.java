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

    /** Every value with the given decimals, comma-separated. */
    static String all(double[] values, int decimals) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%." + decimals + "f", v)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
