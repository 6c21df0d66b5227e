package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;

/** The band extremes are the ends of the sorted band, ties and short bands included, with either kernels. */
public class SpectralContrastTests extends OpenSearchTestCase {

    public void testExtremesAreTheEndsOfTheSortedBand() {
        for (int trial = 0; trial < 500; trial++) {
            int used = between(1, 300);
            int q = between(1, 40); // one lane set (≤ 16), two (17..32) and three
            double[] row = new double[used + 5];
            for (int i = 0; i < row.length; i++) {
                row[i] = randomBoolean() ? between(0, 5) : randomDouble(); // many ties
            }
            int kept = Math.min(q, used);
            double[] lowest = new double[kept];
            double[] highest = new double[kept];
            double[] sorted = Arrays.copyOfRange(row, 2, 2 + used);
            Arrays.sort(sorted);
            for (SpectrumKernels kernels : new SpectrumKernels[] {ScalarKernels.INSTANCE, new VectorKernels()}) {
                SpectralContrast.extremes(row, 2, used, lowest, highest, kernels);
                assertArrayEquals(kernels.toString(), Arrays.copyOfRange(sorted, 0, kept), lowest, 0.0);
                assertArrayEquals(kernels.toString(), Arrays.copyOfRange(sorted, used - kept, used), highest, 0.0);
            }
        }
    }
}
