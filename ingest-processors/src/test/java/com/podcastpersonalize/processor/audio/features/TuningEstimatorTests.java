package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;

/** The quickselect median against sorting, ties, odd and even lengths included. */
public class TuningEstimatorTests extends OpenSearchTestCase {

    public void testMedianAndSelectAgreeWithSorting() {
        for (int trial = 0; trial < 2000; trial++) {
            int n = between(1, 200);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = randomBoolean() ? between(0, 4) : randomDouble(); // many ties
            }
            if (rarely()) {
                Arrays.sort(v); // sorted and reversed inputs, the classic worst cases
                if (randomBoolean()) {
                    for (int i = 0; i < n / 2; i++) {
                        double t = v[i];
                        v[i] = v[n - 1 - i];
                        v[n - 1 - i] = t;
                    }
                }
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(expected, TuningEstimator.median(v.clone()), 0.0);
            int k = between(0, n - 1);
            double[] w = v.clone();
            assertEquals(sorted[k], TuningEstimator.select(w, k), 0.0);
            for (int i = 0; i < n; i++) {
                assertTrue(i < k ? w[i] <= w[k] : w[i] >= w[k]);
            }
        }
    }
}
