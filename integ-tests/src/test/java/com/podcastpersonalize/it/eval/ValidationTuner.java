package com.podcastpersonalize.it.eval;

import com.podcastpersonalize.it.support.JsonNodeClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses {@code personalize} parameters on the validation split only (profiles built from the
 * training part minus its latest share, popularity counted over the same part): the best NDCG@10
 * among the configurations whose coverage is at least twice the popularity baseline's, as the goal
 * asks of the test figures. The test split is never looked at.
 */
public final class ValidationTuner {

    private final JsonNodeClient client;
    private final String index;
    private final SystemEvaluator evaluator;

    public ValidationTuner(JsonNodeClient client, String index, SystemEvaluator evaluator) {
        this.client = client;
        this.index = index;
        this.evaluator = evaluator;
    }

    public TuningResult tune(List<EvaluationCase> validationCases, String popularityField) throws IOException {
        Progress.log("tuning on " + validationCases.size() + " validation listeners");
        SystemResult popularity = evaluator.evaluate(new PopularityRecommender(client, index, popularityField), validationCases);
        List<SystemResult> trials = new ArrayList<>();
        PersonalizeConfig best = null;
        double bestNdcg = -1;
        for (PersonalizeConfig config : TuningGrid.configs(popularityField)) {
            SystemResult trial = evaluator.evaluate(new PersonalizeRecommender(client, index, config), validationCases);
            trials.add(trial);
            if (trial.coverage() >= 2 * popularity.coverage() && trial.ndcg() > bestNdcg) {
                bestNdcg = trial.ndcg();
                best = config;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no configuration reached twice the popularity baseline's coverage on the validation split");
        }
        Progress.log("tuned on validation: " + best.describe() + " (validation NDCG@10 " + String.format(java.util.Locale.ROOT, "%.4f", bestNdcg) + ")");
        return new TuningResult(trials, popularity.coverage(), best, validationCases.size());
    }
}
