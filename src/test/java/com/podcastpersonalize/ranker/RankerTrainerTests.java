package com.podcastpersonalize.ranker;

import ai.djl.engine.Engine;

import org.opensearch.test.OpenSearchTestCase;
import org.junit.BeforeClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

public class RankerTrainerTests extends OpenSearchTestCase {

    private static final double[] TRUE_WEIGHTS = { 2.0, 1.0, -1.5, 0.0 };

    @BeforeClass
    public static void configureDjl() {
        RankerFixtures.configureDjl();
    }

    public void testPyTorchIsAskedForByNameAndOnnxRuntimeStaysTheDefaultEngine() {
        assertEquals("PyTorch", PyTorchEngine.get().getEngineName());
        assertEquals("text models rely on it", "OnnxRuntime", Engine.getDefaultEngineName());
        assertEquals("1", System.getProperty("ai.djl.pytorch.num_threads"));
    }

    public void testLogisticRecoversSignsAndOrderOfKnownWeights() {
        TrainingSet set = RankerFixtures.logistic(4000, TRUE_WEIGHTS, -0.3, 100, 11);
        RankerModel model = RankerTrainer.train(set, TrainingOptions.defaults(ModelType.LOGISTIC, RankerFixtures.lastWeek(set)));

        Map<String, Double> learned = model.featureWeights()
            .orElseThrow()
            .stream()
            .collect(Collectors.toMap(FeatureWeight::feature, FeatureWeight::perUnit));
        String report = learned.toString();
        logger.info("learned weights {} (true {}), {}", report, java.util.Arrays.toString(TRUE_WEIGHTS), model.metrics());
        assertTrue(report, learned.get("f0") > 1.4 && learned.get("f0") < 2.6);
        assertTrue(report, learned.get("f1") > 0.6 && learned.get("f1") < 1.4);
        assertTrue(report, learned.get("f2") < -1.0 && learned.get("f2") > -2.0);
        assertTrue(report, Math.abs(learned.get("f3")) < 0.3);
        assertTrue(report, learned.get("f0") > -learned.get("f2") && -learned.get("f2") > learned.get("f1") && learned.get("f1") > Math.abs(learned.get("f3")));

        ValidationMetrics metrics = model.metrics();
        assertTrue(metrics.toString(), metrics.auc() > 0.75);
        assertTrue(metrics.toString(), metrics.logLoss() < metrics.baseRateLogLoss());
        assertTrue(metrics.toString(), metrics.ndcgAt10() > 0 && metrics.ndcgAt10() <= 1);
        assertEquals(set.size(), model.metadata().trainingRows() + model.metadata().validationRows());
        assertEquals(metrics.rows(), model.metadata().validationRows());
        assertTrue(model.metadata().engine(), model.metadata().engine().startsWith("PyTorch 2.7"));
    }

    public void testMlpLearnsXorWhereLogisticCannot() {
        TrainingSet set = RankerFixtures.xor(3000, 5);
        long cut = RankerFixtures.lastWeek(set);
        // logistic cannot do better than chance here however long it trains; 20 epochs keep the test short
        RankerModel logistic = RankerTrainer.train(set, TrainingOptions.defaults(ModelType.LOGISTIC, cut).withEpochs(20));
        // fewer, larger steps than the defaults (which aim at ~2000 steps) keep the test to about a second
        RankerModel mlp = RankerTrainer.train(set, TrainingOptions.defaults(ModelType.MLP, cut).withEpochs(30).withBatchSize(128).withLearningRate(0.03f));

        logger.info("xor: logistic {}, mlp {}", logistic.metrics(), mlp.metrics());
        assertTrue(logistic.metrics().toString(), logistic.metrics().auc() < 0.6);
        assertTrue(mlp.metrics().toString(), mlp.metrics().auc() > 0.85);
        assertTrue(mlp.metrics().logLoss() < logistic.metrics().logLoss());
        assertTrue(mlp.featureWeights().isEmpty());
        assertEquals(ModelType.MLP, mlp.type());
    }

    public void testSameSeedGivesTheSameModelAndAnotherSeedAnotherOne() {
        TrainingSet set = RankerFixtures.logistic(1000, TRUE_WEIGHTS, 0, 20, 3);
        TrainingOptions options = TrainingOptions.defaults(ModelType.MLP, RankerFixtures.lastWeek(set)).withEpochs(3);
        RankerModel first = RankerTrainer.train(set, options);
        RankerModel second = RankerTrainer.train(set, options);
        RankerModel otherSeed = RankerTrainer.train(set, options.withSeed(7));
        assertEquals(first.network(), second.network());
        assertEquals(first.metrics(), second.metrics());
        assertNotEquals(first.network(), otherSeed.network());
    }

    public void testProgressIsReportedAfterEveryEpoch() {
        TrainingSet set = RankerFixtures.logistic(500, TRUE_WEIGHTS, 0, 10, 4);
        List<TrainingProgress> reports = new ArrayList<>();
        RankerTrainer.train(set, TrainingOptions.defaults(ModelType.LOGISTIC, RankerFixtures.lastWeek(set)).withEpochs(5), reports::add, () -> false);
        assertEquals(5, reports.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, reports.get(i).epoch());
            assertEquals(5, reports.get(i).epochs());
            assertEquals((i + 1) / 5.0, reports.get(i).fractionDone(), 1e-9);
            assertTrue(Double.isFinite(reports.get(i).trainingLoss()));
        }
        assertTrue(reports.get(4).trainingLoss() < reports.get(0).trainingLoss());
    }

    public void testAutomaticEpochsGiveAboutTwoThousandStepsWithinBounds() {
        TrainingOptions auto = TrainingOptions.defaults(ModelType.LOGISTIC, 0);
        assertEquals(TrainingOptions.AUTO_EPOCHS, auto.epochs());
        assertEquals("391 batches per epoch", 6, auto.epochsFor(100_000));
        assertEquals("12 batches per epoch", 167, auto.epochsFor(3000));
        assertEquals("capped", 200, auto.epochsFor(10));
        assertEquals("at least", 5, auto.epochsFor(10_000_000));
        assertEquals(7, auto.withEpochs(7).epochsFor(100_000));

        TrainingSet set = RankerFixtures.logistic(300, TRUE_WEIGHTS, 0, 10, 4);
        List<TrainingProgress> reports = new ArrayList<>();
        RankerModel model = RankerTrainer.train(set, auto.withBatchSize(64).withValidationCutOf(RankerFixtures.lastWeek(set)), reports::add, () -> false);
        assertEquals(reports.size(), model.metadata().epochs());
        assertEquals(auto.withBatchSize(64).epochsFor(model.metadata().trainingRows()), model.metadata().epochs());
    }

    public void testCancellationStopsTrainingWithoutAModel() {
        TrainingSet set = RankerFixtures.logistic(2000, TRUE_WEIGHTS, 0, 10, 8);
        TrainingOptions options = TrainingOptions.defaults(ModelType.MLP, RankerFixtures.lastWeek(set)).withEpochs(1000).withBatchSize(32);
        AtomicInteger checks = new AtomicInteger();
        List<TrainingProgress> reports = new ArrayList<>();
        TrainingCancelledException e = expectThrows(
            TrainingCancelledException.class,
            () -> RankerTrainer.train(set, options, reports::add, () -> checks.incrementAndGet() > 120)
        );
        assertTrue(e.getMessage(), e.getMessage().contains("cancelled") && e.getMessage().contains("no model"));
        assertEquals("stopped at the first check that said cancel", 121, checks.get());
        assertTrue("stopped within the third epoch, not after 1000: " + reports.size(), reports.size() < 3);
        // the lock is released: the next training runs
        RankerModel model = RankerTrainer.train(set, options.withEpochs(1));
        assertNotNull(model);
    }

    public void testASecondTrainingWhileOneRunsIsRefusedAtOnce() throws Exception {
        TrainingSet set = RankerFixtures.logistic(500, TRUE_WEIGHTS, 0, 10, 12);
        TrainingOptions options = TrainingOptions.defaults(ModelType.LOGISTIC, RankerFixtures.lastWeek(set)).withEpochs(1);
        CountDownLatch firstIsTraining = new CountDownLatch(1);
        CountDownLatch secondWasRefused = new CountDownLatch(1);
        AtomicReference<Exception> firstOutcome = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try {
                RankerTrainer.train(set, options, progress -> {}, () -> {
                    firstIsTraining.countDown();
                    awaitQuietly(secondWasRefused);
                    return true;
                });
            } catch (Exception e) {
                firstOutcome.set(e);
            }
        }, "first-ranker-training");
        first.start();
        try {
            assertTrue(firstIsTraining.await(60, TimeUnit.SECONDS));
            IllegalStateException refused = expectThrows(IllegalStateException.class, () -> RankerTrainer.train(set, options));
            assertTrue(refused.getMessage(), refused.getMessage().contains("a ranker training is already running on this node"));
        } finally {
            secondWasRefused.countDown();
            first.join(60_000);
        }
        assertTrue(String.valueOf(firstOutcome.get()), firstOutcome.get() instanceof TrainingCancelledException);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void testAFeatureConstantInTrainingIsIgnored() {
        TrainingSet source = RankerFixtures.logistic(1000, TRUE_WEIGHTS, 0, 10, 9);
        TrainingSet.Builder builder = TrainingSet.builder(List.of("f0", "constant"));
        for (TrainingRow row : source.rows()) {
            builder.add(new float[] { row.feature(0), 3f }, row.positive(), row.group(), row.timestamp());
        }
        RankerModel model = RankerTrainer.train(builder.build(), TrainingOptions.defaults(ModelType.LOGISTIC, RankerFixtures.lastWeek(source)));
        assertEquals(0.0, model.standardization().scale(1), 0);
        assertEquals(model.logit(new float[] { 1f, 3f }), model.logit(new float[] { 1f, 1000f }), 0);
        Map<String, FeatureWeight> weights = model.featureWeights().orElseThrow().stream().collect(Collectors.toMap(FeatureWeight::feature, Function.identity()));
        assertEquals(0.0, weights.get("constant").perUnit(), 0);
        assertEquals(0.0, weights.get("constant").perStandardDeviation(), 0);
    }
}
