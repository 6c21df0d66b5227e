package com.podcastpersonalize.it.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code personalize} parameters tried on the validation split. Without query text only the
 * interest, popularity and audio components can score (the catalogues have no audio), so the grid
 * moves the popularity weight against the interest weight (fixed at its default 0.4), the
 * popularity pivot (how fast popularity saturates) and the normalization.
 */
public final class TuningGrid {

    static final double[] POPULARITY_WEIGHTS = { 0, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6 };
    static final double[] POPULARITY_PIVOTS = { 1000, 10 };
    static final String[] NORMALIZATIONS = { "saturation", "rrf" };

    private TuningGrid() {}

    /** Every combination, reading popularity from {@code popularityField}. */
    public static List<PersonalizeConfig> configs(String popularityField) {
        List<PersonalizeConfig> configs = new ArrayList<>();
        for (String normalization : NORMALIZATIONS) {
            for (double pivot : POPULARITY_PIVOTS) {
                if ("rrf".equals(normalization) && pivot != POPULARITY_PIVOTS[0]) {
                    continue; // RRF uses ranks: the pivot, a monotone transform, changes nothing
                }
                for (double popularity : POPULARITY_WEIGHTS) {
                    if (popularity == 0 && pivot != POPULARITY_PIVOTS[0]) {
                        continue; // without popularity the pivot changes nothing
                    }
                    Map<String, Double> weights = new LinkedHashMap<>();
                    weights.put("interest", 0.4);
                    weights.put("popularity", popularity);
                    PersonalizeConfig config = new PersonalizeConfig("candidate", "tuned", weights, normalization, popularityField, pivot);
                    configs.add(config.named(config.describe(), "tuned"));
                }
            }
        }
        return configs;
    }
}
