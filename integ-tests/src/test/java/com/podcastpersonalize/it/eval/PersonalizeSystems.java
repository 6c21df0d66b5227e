package com.podcastpersonalize.it.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code personalize} systems run on the test split: the clause with its defaults (saturation
 * normalization), with RRF, with each weight component switched off (ablation), and with the
 * parameters tuned on the validation split. With a trained sequence model, also its interest (off by
 * default) at strengths from 0.5 to 3, and with the learned ranker at strength 1.
 */
public final class PersonalizeSystems {

    static final String DEFAULT = "personalize (defaults, saturation)";
    static final String RRF = "personalize, normalization rrf";
    static final String TUNED = "personalize, tuned on validation";
    static final String LEARNED = "personalize, learned ranker";
    static final List<String> COMPONENTS = List.of("lexical", "semantic", "interest", "audio", "popularity", "collaborative");
    static final String SEQUENCE = "sequence";
    /** Strengths of the sequence interest tried besides the default (and 0, the ablation). */
    static final List<Double> SEQUENCE_STRENGTHS = List.of(0.5, 1.0, 1.5, 2.0, 3.0);

    private PersonalizeSystems() {}

    /**
     * The systems; with {@code learned}, also the clause with {@code "ranker": "learned"} (a model was
     * trained); with {@code sequence}, the sequence interest's rows (a sequence model was trained).
     */
    public static List<PersonalizeConfig> configs(PersonalizeConfig tuned, boolean learned, boolean sequence) {
        List<PersonalizeConfig> configs = new ArrayList<>();
        if (learned) {
            configs.add(PersonalizeConfig.defaults(LEARNED, "personalize").withRanker("learned"));
            if (sequence) {
                configs.add(new PersonalizeConfig(LEARNED + ", sequence strength 1.0", "experiment", Map.of(SEQUENCE, 1.0), null, null, null, "learned", null));
            }
        }
        configs.add(PersonalizeConfig.defaults(DEFAULT, "personalize"));
        configs.add(new PersonalizeConfig(RRF, "personalize", Map.of(), "rrf", null, null, null, null));
        for (String component : COMPONENTS) {
            configs.add(new PersonalizeConfig("personalize without " + component, "ablation", Map.of(component, 0.0), null, null, null, null, null));
        }
        if (sequence) {
            for (double strength : SEQUENCE_STRENGTHS) {
                configs.add(new PersonalizeConfig("personalize, sequence strength " + strength, "experiment", Map.of(SEQUENCE, strength), null, null, null, null, null));
            }
        }
        configs.add(tuned.withPopularityField("play_count").named(TUNED, "tuned"));
        return configs;
    }
}
