package com.podcastpersonalize.sequence;

import com.podcastpersonalize.model.VectorMath;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.podcastpersonalize.listeners.Decay;
import com.podcastpersonalize.listeners.DecayedVector;
import com.podcastpersonalize.model.DjlTestCache;
import com.podcastpersonalize.ranker.PyTorchEngine;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.common.settings.Settings;
import org.opensearch.test.OpenSearchTestCase;
import org.junit.BeforeClass;

import java.util.ArrayList;
import java.util.List;

/** The GRU next-interest model, trained with DJL on PyTorch, on made-up sequences whose next interest follows a known rule. */
public class NextInterestModelTests extends OpenSearchTestCase {

    private static final long DAY_MS = 24L * 3600 * 1000;

    @BeforeClass
    public static void configureDjl() {
        DjlTestCache.configure();
    }

    private static SequenceModelOptions small(int steps, long seed) {
        return new SequenceModelOptions(6, 16, 32, 50, steps, 64, 0.01f, 0.1f, seed);
    }

    private static List<int[]> sequences(RotatingClusters world, int listeners, int length) {
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < listeners; i++) {
            sequences.add(world.catalogue.positions(world.sequence(world.randomStart(), length)));
        }
        return sequences;
    }

    /** The plugin's short-term interest of a history, one event a day: decayed with the default short-term half-life to the latest event. */
    private static float[] decayedShortTerm(RotatingClusters world, List<String> history) {
        long halfLife = PodcastSettings.LISTENERS_SHORT_TERM_HALF_LIFE.get(Settings.EMPTY).millis();
        long latest = (history.size() - 1) * DAY_MS;
        DecayedVector sum = new DecayedVector(world.dimension);
        for (int t = 0; t < history.size(); t++) {
            sum.add(world.catalogue.vector(world.catalogue.position(history.get(t))), Decay.factor(t * DAY_MS, latest, halfLife));
        }
        return sum.direction();
    }

    public void testTheGruPredictsTheNextClusterWhereTheDecayedVectorCannot() {
        RotatingClusters world = new RotatingClusters(16, 4, 25, 11);
        SequenceModelOptions options = small(700, 5);
        NextItemWindows windows = new NextItemWindows(world.catalogue, sequences(world, 200, 20), options.window(), options.latestTargets());

        List<List<String>> histories = new ArrayList<>();
        List<Integer> nextClusters = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // listeners the model never saw
            List<String> items = world.sequence(world.randomStart(), 9);
            histories.add(items.subList(0, 8));
            nextClusters.add(world.clusterOf(items.get(8)));
        }
        float[][] predicted;
        try (NextInterestNetwork network = NextInterestNetwork.create(world.dimension, options)) {
            NextInterestTrainer.Summary summary = new NextInterestTrainer(options).train(network, world.catalogue, windows);
            logger.info("trained: {}", summary);
            assertTrue(summary.toString(), summary.finalLoss() < summary.firstLoss());
            predicted = network.predict(world.catalogue, histories.stream().map(world.catalogue::positions).toList());
        }
        int gruHits = 0, decayedHits = 0;
        for (int i = 0; i < histories.size(); i++) {
            assertEquals(1.0, VectorMath.norm(predicted[i]), 1e-4);
            gruHits += world.nearestCluster(predicted[i]) == nextClusters.get(i) ? 1 : 0;
            decayedHits += world.nearestCluster(decayedShortTerm(world, histories.get(i))) == nextClusters.get(i) ? 1 : 0;
        }
        logger.info("next cluster found for {} of 100 listeners by the GRU, {} by the decayed vector", gruHits, decayedHits);
        assertTrue("GRU " + gruHits + " of 100", gruHits >= 90);
        assertTrue("decayed " + decayedHits + " of 100", decayedHits <= 40);
    }

    public void testTheSameSeedGivesTheSamePredictionsAndAnotherSeedOthers() {
        RotatingClusters world = new RotatingClusters(8, 3, 10, 2);
        List<int[]> sequences = sequences(world, 40, 10);
        List<int[]> histories = sequences.subList(0, 5);
        float[][] first = trainAndPredict(world, sequences, histories, small(12, 1));
        float[][] second = trainAndPredict(world, sequences, histories, small(12, 1));
        float[][] otherSeed = trainAndPredict(world, sequences, histories, small(12, 2));
        for (int i = 0; i < histories.size(); i++) {
            assertArrayEquals(first[i], second[i], 0f);
        }
        assertFalse(java.util.Arrays.equals(first[0], otherSeed[0]));
    }

    private static float[][] trainAndPredict(RotatingClusters world, List<int[]> sequences, List<int[]> histories, SequenceModelOptions options) {
        try (NextInterestNetwork network = NextInterestNetwork.create(world.dimension, options)) {
            new NextInterestTrainer(options).train(network, world.catalogue, new NextItemWindows(world.catalogue, sequences, options.window(), options.latestTargets()));
            return network.predict(world.catalogue, histories);
        }
    }

    public void testTheJavaForwardPassComputesWhatPyTorchComputes() throws Exception {
        RotatingClusters world = new RotatingClusters(12, 3, 10, 4);
        SequenceModelOptions options = new SequenceModelOptions(5, 8, 6, 50, 40, 32, 0.01f, 0.1f, 3);
        List<int[]> sequences = sequences(world, 30, 9);
        List<int[]> histories = List.of(sequences.get(0), java.util.Arrays.copyOf(sequences.get(1), 2), java.util.Arrays.copyOf(sequences.get(2), 1));
        try (NextInterestNetwork network = NextInterestNetwork.create(world.dimension, options)) {
            new NextInterestTrainer(options).train(network, world.catalogue, new NextItemWindows(world.catalogue, sequences, options.window(), options.latestTargets()));
            float[][] torch = network.predict(world.catalogue, histories);
            NextInterestModel model = network.toModel(world.catalogue);
            NextInterestModel stored = storedAndReadBack(model.withVersion(17));
            assertEquals(17, stored.version());
            for (int i = 0; i < histories.size(); i++) {
                List<float[]> vectors = new ArrayList<>();
                for (int position : histories.get(i)) {
                    float[] raw = world.catalogue.vector(position).clone();
                    for (int d = 0; d < raw.length; d++) {
                        raw[d] *= 3f; // the model scales its input to unit length, as the catalogue did
                    }
                    vectors.add(raw);
                }
                assertArrayEquals("history " + i + " (full window, shorter, a single item)", torch[i], model.direction(vectors), 1e-5f);
                assertArrayEquals("served: recentered", model.recentering().apply(torch[i]), model.predict(vectors), 1e-5f);
                assertArrayEquals("read back from its document", model.predict(vectors), stored.predict(vectors), 0f);
            }
            assertNull(model.predict(List.of()));
        }
    }

    private static NextInterestModel storedAndReadBack(NextInterestModel model) throws java.io.IOException {
        var figures = new SequenceModelDocument.Figures(10, 2, 2, 30, new NextInterestTrainer.Summary(1, 5, 2.0, 1.0, 0.1, 0.1), null, 100);
        try (var builder = SequenceModelDocument.source(model, figures, SequenceTrainingParameters.defaults(), 1_700_000_000_000L)) {
            var source = org.opensearch.common.xcontent.XContentHelper.convertToMap(
                org.opensearch.core.common.bytes.BytesReference.bytes(builder), false, org.opensearch.core.xcontent.MediaTypeRegistry.JSON).v2();
            return SequenceModelDocument.model(source);
        }
    }

    public void testValidationOnHeldOutItemsShowsTheGruAheadOfTheHistoryMean() {
        RotatingClusters world = new RotatingClusters(16, 4, 25, 21);
        SequenceModelOptions options = small(500, 8);
        HeldOutItems heldOut = new HeldOutItems(sequences(world, 200, 12));
        assertEquals("every sequence gives its latest item", 200, heldOut.size());
        try (NextInterestNetwork network = NextInterestNetwork.create(world.dimension, options)) {
            new NextInterestTrainer(options).train(network, world.catalogue,
                new NextItemWindows(world.catalogue, heldOut.training(), options.window(), options.latestTargets()));
            HeldOutItems.Figures figures = heldOut.evaluate(network, world.catalogue, options.temperature());
            logger.info("held-out figures: {}", figures);
            // 25 items a cluster: a prediction that finds the right cluster puts the item among its 10 closest 40 % of the time
            assertTrue(figures.toString(), figures.hitRateAt10() > 0.25);
            assertTrue(figures.toString(), figures.hitRateAt10() > 2 * figures.meanHitRateAt10());
            assertTrue(figures.toString(), figures.softmaxLoss() < Math.log(world.catalogue.size()));
        }
    }

    public void testCancellingStopsTheTrainingBeforeTheNextBatch() {
        RotatingClusters world = new RotatingClusters(8, 3, 10, 2);
        SequenceModelOptions options = small(100, 1);
        try (NextInterestNetwork network = NextInterestNetwork.create(world.dimension, options)) {
            java.util.concurrent.atomic.AtomicInteger epochs = new java.util.concurrent.atomic.AtomicInteger();
            var windows = new NextItemWindows(world.catalogue, sequences(world, 40, 10), options.window(), options.latestTargets());
            expectThrows(com.podcastpersonalize.ranker.TrainingCancelledException.class,
                () -> new NextInterestTrainer(options).train(network, world.catalogue, windows, p -> epochs.incrementAndGet(), () -> epochs.get() >= 2));
            assertEquals(2, epochs.get());
        }
    }

    public void testRecenteringGivesAPredictionTheEpisodesShareOfTheirCommonDirection() {
        // episodes share the direction e0 (cosine 0.8 each); they differ along e1, e2
        float[] a = { 0.8f, 0.6f, 0 }, b = { 0.8f, 0, 0.6f }, c = { 0.8f, -0.6f, 0 };
        ItemCatalogue catalogue = ItemCatalogue.of(java.util.Map.of("a", a, "b", b, "c", c));
        Recentering recentering = Recentering.of(catalogue);
        float[] raw = { 0.1f, 0.99f, 0 }; // points at a, but far from every episode's cone
        VectorMath.normalizeInPlace(raw);
        float[] served = recentering.apply(raw);
        assertEquals(1.0, VectorMath.norm(served), 1e-5);
        assertEquals("the raw prediction's cosine to a is low", 0.68, VectorMath.cosine(raw, a), 0.02);
        assertTrue("served, it is close to a", VectorMath.cosine(served, a) > 0.95);
        assertTrue("and still closer to a than to b and c",
            VectorMath.cosine(served, a) > VectorMath.cosine(served, b) && VectorMath.cosine(served, b) > VectorMath.cosine(served, c));
        expectThrows(IllegalArgumentException.class, () -> new Recentering(new float[3], 1f));
    }

    public void testTheLossIsTheCrossEntropyOfTheTrueItemAmongTheCatalogue() {
        try (NDManager manager = PyTorchEngine.get().newBaseManager()) {
            NDArray candidates = manager.eye(4); // four orthogonal items
            CatalogueSoftmaxLoss loss = new CatalogueSoftmaxLoss(candidates, 1f);
            NDArray prediction = manager.create(new float[] { 1, 0, 0, 0 }, new Shape(1, 4));
            // logits (1, 0, 0, 0): −log(e / (e + 3))
            double onTarget = loss.evaluate(new NDList(manager.create(new long[] { 0 })), new NDList(prediction)).getFloat();
            assertEquals(Math.log(1 + 3 / Math.E), onTarget, 1e-5);
            // the same prediction when item 2 came next: −log(1 / (e + 3))
            double offTarget = loss.evaluate(new NDList(manager.create(new long[] { 2 })), new NDList(prediction)).getFloat();
            assertEquals(Math.log(Math.E + 3), offTarget, 1e-5);
            // a lower temperature sharpens: the right prediction costs less
            double sharper = new CatalogueSoftmaxLoss(candidates, 0.1f).evaluate(new NDList(manager.create(new long[] { 0 })), new NDList(prediction)).getFloat();
            assertTrue(sharper < onTarget);
        }
        expectThrows(IllegalArgumentException.class, () -> new CatalogueSoftmaxLoss(null, 0f));
    }
}
