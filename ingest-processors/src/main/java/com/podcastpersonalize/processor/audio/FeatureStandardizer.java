package com.podcastpersonalize.processor.audio;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * z-scores of the vector aggregates, (x - mean) / std with the corpus statistics shipped in
 * {@code config/audio-feature-stats.json} (how they were computed is written in that file and in the section
 * "Standardizer statistics" of docs/audio-features.md), clipped to ±{@value #CLIP} so that one outlying
 * feature cannot dominate the vector. Immutable and thread-safe.
 */
public final class FeatureStandardizer {

    public static final double CLIP = 5.0;
    /** Where the shipped statistics sit on the classpath (the plugin's config/ is also a resource root). */
    public static final String CLASSPATH_RESOURCE = "/podcast-personalize-config/audio-feature-stats.json";

    private final List<String> names;
    private final double[] mean;
    private final double[] std;

    FeatureStandardizer(List<String> names, double[] mean, double[] std) {
        this.names = List.copyOf(names);
        this.mean = mean.clone();
        this.std = std.clone();
    }

    public static FeatureStandardizer load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    public static FeatureStandardizer loadDefault() throws IOException {
        try (InputStream in = FeatureStandardizer.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IOException("audio feature statistics not found on the classpath at " + CLASSPATH_RESOURCE);
            }
            return parse(in, CLASSPATH_RESOURCE);
        }
    }

    @SuppressWarnings("unchecked")
    static FeatureStandardizer parse(InputStream in, String source) throws IOException {
        Map<String, Object> root;
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY,
            DeprecationHandler.THROW_UNSUPPORTED_OPERATION, in)) {
            root = parser.map();
        }
        Object features = root.get("features");
        if (!(features instanceof Map)) {
            throw new IOException(source + ": no \"features\" object");
        }
        Map<String, Object> byName = (Map<String, Object>) features;
        List<String> names = FeatureNames.VECTOR;
        double[] mean = new double[names.size()];
        double[] std = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Object entry = byName.get(names.get(i));
            if (!(entry instanceof Map)) {
                throw new IOException(source + ": no statistics for feature [" + names.get(i) + "]");
            }
            Map<String, Object> s = (Map<String, Object>) entry;
            if (!(s.get("mean") instanceof Number m) || !(s.get("std") instanceof Number d) || !(d.doubleValue() >= 0)) {
                throw new IOException(source + ": feature [" + names.get(i) + "] needs numeric \"mean\" and non-negative \"std\"");
            }
            mean[i] = m.doubleValue();
            std[i] = d.doubleValue();
        }
        return new FeatureStandardizer(names, mean, std);
    }

    /** z-scores of {@code features.vectorInputs()}. */
    public double[] standardize(double[] inputs) {
        if (inputs.length != names.size()) {
            throw new IllegalArgumentException("expected " + names.size() + " inputs, got " + inputs.length);
        }
        double[] z = new double[inputs.length];
        for (int i = 0; i < z.length; i++) {
            double v = (inputs[i] - mean[i]) / Math.max(std[i], 1e-9);
            z[i] = Math.max(-CLIP, Math.min(CLIP, v));
        }
        return z;
    }
}
