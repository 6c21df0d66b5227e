package com.podcastpersonalize.diversify;

import java.util.List;

/** Turns the value read at {@code vector_field} into a vector, or null when it is not one. */
final class EpisodeVectors {

    private EpisodeVectors() {}

    /**
     * A non-empty array of finite numbers is a vector; anything else (missing, a string, an object,
     * an array holding a non-number, NaN) is null, and the hit then counts as similar to nothing.
     */
    static float[] of(Object value) {
        if (value instanceof List<?> list && list.isEmpty() == false) {
            float[] vector = new float[list.size()];
            for (int d = 0; d < vector.length; d++) {
                if (list.get(d) instanceof Number number && Float.isFinite(number.floatValue())) {
                    vector[d] = number.floatValue();
                } else {
                    return null;
                }
            }
            return vector;
        }
        return null;
    }
}
