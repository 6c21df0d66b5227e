package com.podcastpersonalize.ranker;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Random;

/**
 * Visits the rows in a new random order each epoch, drawn from its own seeded generator: DJL's random
 * sampler draws from a JVM-wide generator, which anything else in the node may also use.
 */
final class SeededShuffleSampler implements Sampler.SubSampler {

    private final Random random;

    SeededShuffleSampler(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public Iterator<Long> sample(RandomAccessDataset dataset) {
        long[] order = new long[Math.toIntExact(dataset.size())];
        Arrays.setAll(order, i -> i);
        for (int i = order.length - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.stream(order).iterator();
    }
}
