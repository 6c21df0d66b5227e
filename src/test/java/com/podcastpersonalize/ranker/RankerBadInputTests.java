package com.podcastpersonalize.ranker;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;

/** Training inputs that cannot give a model: each is an IllegalArgumentException whose message says why (shown to users as a 400). */
public class RankerBadInputTests extends OpenSearchTestCase {

    private static final long DAY = RankerFixtures.DAY;
    private static final long T0 = RankerFixtures.START;

    public void testNoRows() {
        TrainingSet empty = TrainingSet.builder(List.of("a")).build();
        assertMessage(() -> RankerTrainer.train(empty, TrainingOptions.defaults(ModelType.LOGISTIC, T0)), "no training rows: there are no events to learn from");
        assertMessage(() -> TimeSplit.cutDaysBeforeLatest(empty, 7), "no training rows");
    }

    public void testOnlyPositives() {
        TrainingSet set = rows(new boolean[] { true, true, true, true }, new long[] { 0, 1, 10, 11 });
        assertMessage(() -> train(set, T0 + 5 * DAY), "the training part (rows before 2023-11-19T22:13:20Z) has only positive labels (2 rows)");
    }

    public void testOnlyNegativesInTraining() {
        TrainingSet set = rows(new boolean[] { false, false, true, false }, new long[] { 0, 1, 10, 11 });
        assertMessage(() -> train(set, T0 + 5 * DAY), "the training part (rows before 2023-11-19T22:13:20Z) has only negative labels (2 rows)");
    }

    public void testOnlyOneLabelInValidation() {
        TrainingSet set = rows(new boolean[] { true, false, true, true }, new long[] { 0, 1, 10, 11 });
        assertMessage(() -> train(set, T0 + 5 * DAY), "the validation part (rows from 2023-11-19T22:13:20Z) has only positive labels (2 rows)");
    }

    public void testCutLeavingNoTrainingRows() {
        TrainingSet set = rows(new boolean[] { true, false }, new long[] { 3, 4 });
        assertMessage(() -> train(set, T0), "the validation cut [2023-11-14T22:13:20Z] leaves no training rows: all 2 rows are at or after it; validate on less (fewer validation_days or a smaller validation_share)");
        assertMessage(() -> train(set, TimeSplit.cutDaysBeforeLatest(set, 30)), "leaves no training rows");
    }

    public void testCutLeavingNoValidationRows() {
        TrainingSet set = rows(new boolean[] { true, false }, new long[] { 3, 4 });
        assertMessage(() -> train(set, T0 + 10 * DAY), "leaves no validation rows: all 2 rows are before it; validate on more (more validation_days or a larger validation_share)");
    }

    public void testNaNAndInfiniteFeaturesNameTheFeatureAndRow() {
        TrainingSet.Builder builder = TrainingSet.builder(List.of("bm25", "freshness"));
        builder.add(new float[] { 1, 2 }, true, "alice", T0);
        assertMessage(() -> builder.add(new float[] { 1, Float.NaN }, false, "bob", T0), "feature [freshness] is NaN in row 1 (group [bob])");
        assertMessage(() -> builder.add(new float[] { Float.NEGATIVE_INFINITY, 0 }, false, "bob", T0), "feature [bm25] is -Infinity in row 1 (group [bob])");
        assertEquals("rejected rows are not added", 1, builder.size());
    }

    public void testWrongFeatureCountAndBadFeatureNames() {
        TrainingSet.Builder builder = TrainingSet.builder(List.of("a", "b"));
        assertMessage(() -> builder.add(new float[] { 1 }, true, "g", T0), "row 0 has 1 features, expected 2 [a, b]");
        assertMessage(() -> TrainingSet.builder(List.of()), "at least one feature");
        assertMessage(() -> TrainingSet.builder(List.of("a", "a")), "feature [a] is listed twice");
        assertMessage(() -> TrainingSet.builder(List.of("a", " ")), "must not be blank");
    }

    public void testBadOptions() {
        assertMessage(() -> ModelType.fromLabel("gbdt"), "unknown ranker model [gbdt]: use one of logistic, mlp");
        assertEquals(ModelType.MLP, ModelType.fromLabel("MLP"));
        TrainingOptions defaults = TrainingOptions.defaults(ModelType.LOGISTIC, T0);
        assertMessage(() -> defaults.withEpochs(-1), "[epochs] must be between 0 and 10000, got -1");
        assertMessage(() -> defaults.withLearningRate(Float.NaN), "[learning_rate] must be a positive number, got NaN");
        assertMessage(() -> defaults.withWeightDecay(-1), "[weight_decay] must be zero or positive");
        assertMessage(() -> defaults.withHiddenUnits(0), "[hidden_units] must be between 1 and 1024");
        assertMessage(() -> defaults.withBatchSize(0), "[batch_size] must be between 1 and 65536");
        assertMessage(() -> TimeSplit.cutDaysBeforeLatest(rows(new boolean[] { true }, new long[] { 0 }), 0), "[validation_days] must be a positive number, got 0.0");
    }

    /** One feature; row i has label positive[i] and is on day days[i] after the start. */
    private static TrainingSet rows(boolean[] positive, long[] days) {
        TrainingSet.Builder builder = TrainingSet.builder(List.of("x"));
        for (int i = 0; i < positive.length; i++) {
            builder.add(new float[] { i }, positive[i], "g" + i, T0 + days[i] * DAY);
        }
        return builder.build();
    }

    private static RankerModel train(TrainingSet set, long cut) {
        return RankerTrainer.train(set, TrainingOptions.defaults(ModelType.LOGISTIC, cut));
    }

    private static void assertMessage(ThrowingRunnable action, String expected) {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
}
