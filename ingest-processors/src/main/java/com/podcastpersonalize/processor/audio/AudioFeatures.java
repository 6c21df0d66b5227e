package com.podcastpersonalize.processor.audio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of analysing one episode: every named aggregate (see {@link FeatureNames}) and, when a
 * vectorizer was given, the unit-length audio vector.
 */
public record AudioFeatures(Map<String, Double> named, float[] audioVector) {

    public AudioFeatures {
        named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
    }

    /** The named feature; fails loudly on a name that does not exist (a typo must not read as 0). */
    public double get(String name) {
        Double v = named.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no audio feature named [" + name + "]");
        }
        return v;
    }

    /** The aggregates of {@link FeatureNames#VECTOR}, in order. */
    public double[] vectorInputs() {
        double[] out = new double[FeatureNames.VECTOR.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(FeatureNames.VECTOR.get(i));
        }
        return out;
    }
}
