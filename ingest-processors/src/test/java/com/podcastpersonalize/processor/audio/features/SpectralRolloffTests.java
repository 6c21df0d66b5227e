package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

/** The bisection of the running sums finds the bin a scan in order finds: the first whose running sum reaches the threshold. */
public class SpectralRolloffTests extends OpenSearchTestCase {

    public void testBisectionFindsTheFirstBinReachingTheThreshold() {
        for (int trial = 0; trial < 500; trial++) {
            int bins = between(1, 300);
            double[] s = new double[bins];
            double[] freqs = new double[bins];
            for (int k = 0; k < bins; k++) {
                s[k] = randomBoolean() ? 0.0 : randomBoolean() ? between(0, 3) : randomDouble(); // zeros and ties
                freqs[k] = k * 10.0;
            }
            double rollPercent = randomFrom(0.0, 0.5, 0.85, 0.99, 1.0, randomDouble());
            assertEquals(scanInOrder(s, freqs, rollPercent), SpectralRolloff.frame(s, freqs, rollPercent, new double[bins]), 0.0);
        }
    }

    /** Negative bins (where running sums may fall and a bisection could miss), -0.0 and NaN go to the scan in order. */
    public void testNegativeSignedZeroAndNanBinsGiveTheBinOfAScanInOrder() {
        for (int trial = 0; trial < 500; trial++) {
            int bins = between(2, 300);
            double[] s = new double[bins];
            double[] freqs = new double[bins];
            for (int k = 0; k < bins; k++) {
                s[k] = randomBoolean() ? randomDouble() : between(-3, 3);
                freqs[k] = k * 10.0;
            }
            s[randomIntBetween(0, bins - 1)] = randomFrom(-0.0, -randomDouble(), -5.0, Double.NaN);
            double rollPercent = randomFrom(0.5, 0.85, randomDouble());
            assertEquals(scanInOrder(s, freqs, rollPercent), SpectralRolloff.frame(s, freqs, rollPercent, new double[bins]), 0.0);
        }
    }

    private static double scanInOrder(double[] s, double[] freqs, double rollPercent) {
        double total = 0;
        for (double v : s) {
            total += v;
        }
        double run = 0;
        for (int k = 0; k < s.length; k++) {
            run += s[k];
            if (run >= rollPercent * total) {
                return freqs[k];
            }
        }
        return freqs[s.length - 1];
    }
}
