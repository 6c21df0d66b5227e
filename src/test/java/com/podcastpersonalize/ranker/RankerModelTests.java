package com.podcastpersonalize.ranker;

import org.opensearch.test.OpenSearchTestCase;
import org.junit.BeforeClass;

import java.util.List;
import java.util.Random;

/** The exported plain-Java model against the DJL network it came from, and its explanations. */
public class RankerModelTests extends OpenSearchTestCase {

    private static final double[] WEIGHTS = { 2.0, 1.0, -1.5, 0.0 };

    @BeforeClass
    public static void configureDjl() {
        RankerFixtures.configureDjl();
    }

    public void testJavaScoringEqualsDjlForLogistic() {
        assertJavaScoringEqualsDjl(ModelType.LOGISTIC);
    }

    public void testJavaScoringEqualsDjlForMlp() {
        assertJavaScoringEqualsDjl(ModelType.MLP);
    }

    private void assertJavaScoringEqualsDjl(ModelType type) {
        TrainingSet set = RankerFixtures.logistic(1500, WEIGHTS, 0.2, 20, 21);
        TimeSplit split = TimeSplit.at(set, RankerFixtures.lastWeek(set));
        Standardization standardization = Standardization.fit(split.training(), set.featureCount());
        float[][] rows = RankerTrainer.standardized(split.training(), standardization);
        boolean[] labels = new boolean[rows.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = split.training().get(i).positive();
        }
        TrainingOptions options = TrainingOptions.defaults(type, split.cut()).withEpochs(3);
        try (TorchNetwork torch = TorchNetwork.create(type, set.featureCount(), options.hiddenUnits(), options.seed())) {
            torch.fit(rows, labels, options, progress -> {}, () -> false);
            RankerModel model = new RankerModel(set.featureNames(), standardization, torch.export(), RankerFixtures.metadata(type, options.hiddenUnits()), RankerFixtures.someMetrics());

            Random random = new Random(99);
            float[][] probes = new float[500][set.featureCount()];
            for (float[] probe : probes) {
                for (int i = 0; i < probe.length; i++) {
                    probe[i] = (float) (random.nextGaussian() * 3 + i);
                }
            }
            double[] djl = torch.logits(RankerTrainer.standardized(rowsOf(probes), standardization));
            for (int r = 0; r < probes.length; r++) {
                assertEquals("row " + r, djl[r], model.logit(probes[r]), 1e-5);
                assertEquals("row " + r, RankerModel.sigmoid(djl[r]), model.score(probes[r]), 1e-5);
            }
        }
    }

    private static List<TrainingRow> rowsOf(float[][] features) {
        return java.util.Arrays.stream(features).map(f -> new TrainingRow(f, false, "probe", 0)).toList();
    }

    public void testLogisticWeightsInOriginalUnitsExplainTheLogit() {
        Standardization standardization = new Standardization(new double[] { 10, -2, 0.5 }, new double[] { 0.5, 4, 0 });
        LinearNetwork network = new LinearNetwork(new float[] { 1.5f, -0.25f, 3f }, 0.4f);
        RankerModel model = new RankerModel(List.of("bm25", "freshness", "constant"), standardization, network, RankerFixtures.metadata(ModelType.LOGISTIC, 16), RankerFixtures.someMetrics());

        List<FeatureWeight> weights = model.featureWeights().orElseThrow();
        assertEquals(new FeatureWeight("bm25", 0.75, 1.5), weights.get(0));
        assertEquals(new FeatureWeight("freshness", -1.0, -0.25), weights.get(1));
        assertEquals(new FeatureWeight("constant", 0.0, 0.0), weights.get(2));

        float[] x = { 12f, 1f, 7f };
        for (int i = 0; i < x.length; i++) {
            float[] plusOne = x.clone();
            plusOne[i] += 1;
            assertEquals(weights.get(i).feature(), weights.get(i).perUnit(), model.logit(plusOne) - model.logit(x), 1e-6);
        }
        assertEquals(model.logit(new float[] { 0, 0, 0 }), model.interceptInOriginalUnits().orElseThrow(), 1e-6);
    }

    public void testMlpHasNoPerFeatureWeights() {
        MlpNetwork network = new MlpNetwork(new float[][] { { 1, 2 }, { -1, 0.5f } }, new float[] { 0, 0.1f }, new float[] { 1, -1 }, 0.2f);
        RankerModel model = new RankerModel(List.of("a", "b"), new Standardization(new double[2], new double[] { 1, 1 }), network, RankerFixtures.metadata(ModelType.MLP, 2), RankerFixtures.someMetrics());
        assertTrue(model.featureWeights().isEmpty());
        assertTrue(model.interceptInOriginalUnits().isEmpty());
        // by hand: hidden = relu(1*1 + 2*2 + 0) = 5, relu(-1 + 1 + 0.1) = 0.1; output 0.2 + 5 - 0.1
        assertEquals(5.1, model.logit(new float[] { 1, 2 }), 1e-6);
    }

    public void testNonFiniteQueryFeatureCountsAsTheTrainingMean() {
        Standardization standardization = new Standardization(new double[] { 3, 1 }, new double[] { 2, 1 });
        RankerModel model = new RankerModel(List.of("a", "b"), standardization, new LinearNetwork(new float[] { 1, 1 }, 0), RankerFixtures.metadata(ModelType.LOGISTIC, 16), RankerFixtures.someMetrics());
        assertEquals(model.logit(new float[] { 3, 5 }), model.logit(new float[] { Float.NaN, 5 }), 0);
        assertEquals(model.logit(new float[] { 3, 5 }), model.logit(new float[] { Float.POSITIVE_INFINITY, 5 }), 0);
    }

    public void testScoringTheWrongNumberOfFeaturesIsRejected() {
        RankerModel model = new RankerModel(List.of("a", "b"), new Standardization(new double[2], new double[] { 1, 1 }), new LinearNetwork(new float[] { 1, 1 }, 0), RankerFixtures.metadata(ModelType.LOGISTIC, 16), RankerFixtures.someMetrics());
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> model.score(new float[] { 1 }));
        assertTrue(e.getMessage(), e.getMessage().contains("takes 2 features [a, b], got 1"));
    }

    public void testInconsistentPartsAreRejected() {
        expectThrows(
            IllegalArgumentException.class,
            () -> new RankerModel(List.of("a"), new Standardization(new double[2], new double[2]), new LinearNetwork(new float[2], 0), RankerFixtures.metadata(ModelType.LOGISTIC, 16), RankerFixtures.someMetrics())
        );
        expectThrows(
            IllegalArgumentException.class,
            () -> new RankerModel(List.of("a"), new Standardization(new double[1], new double[1]), new LinearNetwork(new float[1], 0), RankerFixtures.metadata(ModelType.MLP, 16), RankerFixtures.someMetrics())
        );
    }
}
