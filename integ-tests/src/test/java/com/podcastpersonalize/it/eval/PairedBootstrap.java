package com.podcastpersonalize.it.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * A 95 % percentile-bootstrap interval for the relative gain in mean NDCG@10 of one system over
 * another, on the same listeners (resampled together, so the comparison stays paired).
 */
public final class PairedBootstrap {

    static final int RESAMPLES = 2000;

    /** One system's NDCG@10 over another's, mean(a) / mean(b) − 1, with its 95 % paired interval. */
    public record NdcgGain(double gain, double low, double high) {}

    /** The gain in NDCG@10 of {@code system} over {@code base}, on the same listeners. */
    public static NdcgGain ndcgGain(SystemResult system, SystemResult base, long seed) {
        double[] interval = relativeGainInterval(system.perListenerNdcg(), base.perListenerNdcg(), seed);
        return new NdcgGain(base.ndcg() == 0 ? Double.POSITIVE_INFINITY : system.ndcg() / base.ndcg() - 1, interval[0], interval[1]);
    }

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
