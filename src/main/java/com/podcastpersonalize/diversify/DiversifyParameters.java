package com.podcastpersonalize.diversify;

import org.opensearch.OpenSearchException;
import org.opensearch.OpenSearchParseException;
import org.opensearch.ingest.ConfigurationUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of one {@code podcast_diversify} processor, read and checked when the search
 * pipeline is created so that a bad value is a 400 naming the parameter, never a failed search.
 *
 * @param vectorField the hits' episode vector (dotted paths work), read from {@code fields} or {@code _source}
 * @param lambda      weight of diversity in [0, 1]: MMR value = (1 − lambda) · relevance − lambda · similarity
 * @param maxPerShow  at most this many hits of one show among the diversified hits of a window
 * @param showField   the hits' show id (dotted paths work)
 * @param window      how many hits from the top of the page are re-ranked
 */
public record DiversifyParameters(String vectorField, double lambda, int maxPerShow, String showField, int window) {

    public static final String VECTOR_FIELD = "vector_field";
    public static final String LAMBDA = "lambda";
    public static final String MAX_PER_SHOW = "max_per_show";
    public static final String SHOW_FIELD = "show_field";
    public static final String WINDOW = "window";
    static final List<String> NAMES = List.of(VECTOR_FIELD, LAMBDA, MAX_PER_SHOW, SHOW_FIELD, WINDOW);

    public static final double DEFAULT_LAMBDA = 0.3;
    public static final int DEFAULT_MAX_PER_SHOW = 2;
    /** Same default as {@code plugins.podcast.listeners.episode_show_field}. */
    public static final String DEFAULT_SHOW_FIELD = "show_id";
    public static final int DEFAULT_WINDOW = 50;
    /**
     * Selection costs window² / 2 cosines: 1,000 hits of 384-d vectors are about 2·10⁸ multiply-adds
     * (tens of ms on the coordinating node); beyond that a response processor is the wrong place.
     */
    public static final int MAX_WINDOW = 1000;

    public DiversifyParameters {
        Objects.requireNonNull(vectorField);
        Objects.requireNonNull(showField);
    }

    /**
     * Reads the processor's parameters from its pipeline configuration and removes them from it.
     * Unknown parameters are refused here (core would refuse them too, after creating the
     * processor, with a less specific message).
     *
     * @throws OpenSearchParseException (400) naming the parameter that is missing, unknown or out of range
     */
    public static DiversifyParameters parse(String tag, Map<String, Object> config) {
        Map<String, Object> unknown = new HashMap<>(config);
        NAMES.forEach(unknown::remove);
        if (unknown.isEmpty() == false) {
            String name = unknown.keySet().stream().sorted().findFirst().orElseThrow();
            throw invalid(tag, name, "unknown parameter; " + DiversifyResponseProcessor.TYPE + " accepts " + NAMES);
        }
        String vectorField = requiredField(tag, config, VECTOR_FIELD);
        String showField = config.containsKey(SHOW_FIELD) ? requiredField(tag, config, SHOW_FIELD) : DEFAULT_SHOW_FIELD;
        config.remove(SHOW_FIELD);
        double lambda = number(tag, config, LAMBDA, DEFAULT_LAMBDA);
        if (!(lambda >= 0 && lambda <= 1)) {
            throw invalid(tag, LAMBDA, "must be between 0 (relevance only) and 1 (diversity only), got [" + lambda + "]");
        }
        int maxPerShow = whole(tag, config, MAX_PER_SHOW, DEFAULT_MAX_PER_SHOW);
        if (maxPerShow < 1) {
            throw invalid(tag, MAX_PER_SHOW, "must be at least 1, got [" + maxPerShow + "]");
        }
        int window = whole(tag, config, WINDOW, DEFAULT_WINDOW);
        if (window < 1 || window > MAX_WINDOW) {
            throw invalid(tag, WINDOW, "must be between 1 and " + MAX_WINDOW + ", got [" + window + "]");
        }
        return new DiversifyParameters(vectorField, lambda, maxPerShow, showField, window);
    }

    private static String requiredField(String tag, Map<String, Object> config, String name) {
        Object value = config.remove(name);
        if (value == null) {
            throw invalid(tag, name, "required property is missing");
        }
        if (value instanceof String text && text.isBlank() == false) {
            return text;
        }
        throw invalid(tag, name, "must be a field name (a non-empty string), got [" + value + "]");
    }

    private static double number(String tag, Map<String, Object> config, String name, double defaultValue) {
        Object value = config.remove(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw invalid(tag, name, "must be a number, got [" + value + "]");
        }
    }

    private static int whole(String tag, Map<String, Object> config, String name, int defaultValue) {
        Object value = config.get(name);
        double number = number(tag, config, name, defaultValue);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw invalid(tag, name, "must be a whole number, got [" + value + "]");
        }
        return (int) number;
    }

    private static OpenSearchException invalid(String tag, String name, String reason) {
        return ConfigurationUtils.newConfigurationException(DiversifyResponseProcessor.TYPE, tag, name, reason);
    }
}
