package com.podcastpersonalize.it.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * A 95 % percentile-bootstrap interval for the relative gain in mean NDCG@10 of one system over
 * another, on the same listeners (resampled together, so the comparison stays paired).
 */
public final class PairedBootstrap {

    static final int RESAMPLES = 2000;

    private PairedBootstrap() {}

    /** {@code [low, high]} of mean(a) / mean(b) − 1. */
    public static double[] relativeGainInterval(double[] a, double[] b, long seed) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("paired samples of the same non-zero length needed");
        }
        Random random = new Random(seed);
        double[] gains = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sa = 0, sb = 0;
            for (int i = 0; i < a.length; i++) {
                int pick = random.nextInt(a.length);
                sa += a[pick];
                sb += b[pick];
            }
            gains[r] = sb == 0 ? Double.POSITIVE_INFINITY : sa / sb - 1;
        }
        Arrays.sort(gains);
        return new double[] { gains[(int) (0.025 * RESAMPLES)], gains[(int) (0.975 * RESAMPLES) - 1] };
    }
}
