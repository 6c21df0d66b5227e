package com.podcastpersonalize.it.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code personalize} parameters tried on the validation split. Without query text only the
 * interest, popularity, collaborative and audio components can score (the catalogues have no
 * audio), so the grid moves the popularity and collaborative weights against the interest weight
 * (fixed at its default 0.4), for both normalizations. The popularity pivot stays at its default
 * (a pivot of 10 never won on validation in earlier runs, see the figures kept in git history).
 */
public final class TuningGrid {

    static final double[] POPULARITY_WEIGHTS = { 0, 0.05, 0.2, 0.8 };
    static final double[] COLLABORATIVE_WEIGHTS = { 0, 0.2, 0.4, 0.8, 1.6 };
    static final double POPULARITY_PIVOT = 1000;
    static final String[] NORMALIZATIONS = { "saturation", "rrf" };

    private TuningGrid() {}

    /** Every combination, reading popularity from {@code popularityField}. */
    public static List<PersonalizeConfig> configs(String popularityField) {
        List<PersonalizeConfig> configs = new ArrayList<>();
        for (String normalization : NORMALIZATIONS) {
            for (double collaborative : COLLABORATIVE_WEIGHTS) {
                for (double popularity : POPULARITY_WEIGHTS) {
                    Map<String, Double> weights = new LinkedHashMap<>();
                    weights.put("interest", 0.4);
                    weights.put("popularity", popularity);
                    weights.put("collaborative", collaborative);
                    PersonalizeConfig config = new PersonalizeConfig("candidate", "tuned", weights, normalization, popularityField, POPULARITY_PIVOT, null, null);
                    configs.add(config.named(config.describe(), "tuned"));
                }
            }
        }
        return configs;
    }
}
