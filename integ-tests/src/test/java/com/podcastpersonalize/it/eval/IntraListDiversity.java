package com.podcastpersonalize.it.eval;

import java.util.List;
import java.util.Map;

/**
 * Intra-list diversity: 1 − the mean cosine over all pairs of a list's items, from their text
 * vectors. Items without a vector are left out; a list with fewer than two vectors has no pairs and
 * gives NaN (left out of the average).
 */
public final class IntraListDiversity {

    private IntraListDiversity() {}

    public static double of(List<String> ranked, Map<String, float[]> vectors) {
        List<float[]> present = ranked.stream().map(vectors::get).filter(v -> v != null).toList();
        if (present.size() < 2) {
            return Double.NaN;
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                sum += cosine(present.get(i), present.get(j));
                pairs++;
            }
        }
        return 1 - sum / pairs;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
