package com.podcastpersonalize.it.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code personalize} systems run on the test split: the clause with its defaults (saturation
 * normalization), with RRF, with each weight component switched off (ablation), and with the
 * parameters tuned on the validation split.
 */
public final class PersonalizeSystems {

    static final String DEFAULT = "personalize (defaults, saturation)";
    static final String RRF = "personalize, normalization rrf";
    static final String TUNED = "personalize, tuned on validation";
    static final String LEARNED = "personalize, learned ranker";
    static final List<String> COMPONENTS = List.of("lexical", "semantic", "interest", "audio", "popularity", "collaborative");

    private PersonalizeSystems() {}

    /** The systems; with {@code learned}, also the clause with {@code "ranker": "learned"} (a model was trained). */
    public static List<PersonalizeConfig> configs(PersonalizeConfig tuned, boolean learned) {
        List<PersonalizeConfig> configs = new ArrayList<>();
        if (learned) {
            configs.add(PersonalizeConfig.defaults(LEARNED, "personalize").withRanker("learned"));
        }
        configs.add(PersonalizeConfig.defaults(DEFAULT, "personalize"));
        configs.add(new PersonalizeConfig(RRF, "personalize", Map.of(), "rrf", null, null, null));
        for (String component : COMPONENTS) {
            configs.add(new PersonalizeConfig("personalize without " + component, "ablation", Map.of(component, 0.0), null, null, null, null));
        }
        configs.add(tuned.withPopularityField("play_count").named(TUNED, "tuned"));
        return configs;
    }
}
