package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

/** The sliding sums against the FFT tempogram (librosa's definition) summed over its rows. */
public class TempogramSumTests extends OpenSearchTestCase {

    private static double[] envelope(int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            // onset strength is ≥ 0: beats every 21-22 frames over noise, with stretches of silence
            boolean silent = (i / 300) % 4 == 3;
            x[i] = silent ? 0 : (i % 21 == 0 ? 3 + random().nextDouble() : 0) + random().nextDouble() * 0.4;
        }
        return x;
    }

    private static void assertMatchesFft(double[] onset, int winLength) {
        double[] expected = new double[winLength];
        for (double[] row : Tempogram.compute(onset, winLength)) {
            for (int l = 0; l < winLength; l++) {
                expected[l] += row[l];
            }
        }
        double[] ours = new double[winLength];
        assertEquals(onset.length, new TempogramSum(winLength).add(onset, ours));
        for (int l = 0; l < winLength; l++) {
            // each row is normalised to a maximum of 1: rounding of the order of 1e-15 per row
            assertEquals("lag " + l, expected[l], ours[l], 1e-10 * onset.length);
        }
    }

    public void testMatchesTheFftTempogramAtTheAnalysisDefaults() {
        assertMatchesFft(envelope(431), TempoEstimator.winLength(22050, 512)); // one 10 s window: 344 lags
    }

    public void testMatchesPastSeveralRestartsOfTheSums() {
        assertMatchesFft(envelope(3 * TempogramSum.RESTART + 17), 344);
    }

    public void testOddAndShortWindowsAndShortEnvelopes() {
        assertMatchesFft(envelope(between(1, 50)), 345);
        assertMatchesFft(envelope(between(1, 50)), 64);
        assertMatchesFft(new double[200], 100); // silence: rows of zeros stay zero
    }

    /**
     * TempogramSum's loops are arranged for speed (the restart's loops interchanged, the slide split into one loop per
     * sum): the arrangement must not change a bit. The reference below is the same arithmetic written plainly, each
     * lag's restart sums over j in order and one slide loop over the lags.
     */
    public void testSameBitsAsTheSumsWrittenPlainly() {
        int[][] cases = { { 431, 344 }, { 2 * TempogramSum.RESTART + 5, 344 }, { between(1, 40), 345 }, { between(40, 300), 64 } };
        for (int[] c : cases) {
            double[] onset = envelope(c[0]);
            double[] expected = new double[c[1]];
            double[] ours = new double[c[1]];
            plainSums(onset, c[1], expected);
            new TempogramSum(c[1]).add(onset, ours);
            for (int l = 0; l < c[1]; l++) {
                assertEquals("frames " + c[0] + ", lag " + l, Double.doubleToLongBits(expected[l]), Double.doubleToLongBits(ours[l]));
            }
        }
    }

    private static void plainSums(double[] onset, int n, double[] sum) {
        double[] cos1 = new double[n];
        double[] sin1 = new double[n];
        for (int k = 0; k < n; k++) {
            cos1[k] = Math.cos(2 * Math.PI * k / n);
            sin1[k] = Math.sin(2 * Math.PI * k / n);
        }
        double[] x = Tempogram.padded(onset, n);
        double[] s = new double[n];
        double[] e1r = new double[n];
        double[] e1i = new double[n];
        double[] e2r = new double[n];
        double[] e2i = new double[n];
        double c1 = cos1[1 % n];
        double s1 = sin1[1 % n];
        double c2 = cos1[2 % n];
        double s2 = sin1[2 % n];
        for (int t = 0; t < onset.length; t++) {
            if (t % TempogramSum.RESTART == 0) {
                for (int l = 0; l < n; l++) {
                    double sv = 0;
                    double ar = 0;
                    double ai = 0;
                    double br = 0;
                    double bi = 0;
                    for (int j = 0; j < n - l; j++) {
                        double p = x[t + j] * x[t + j + l];
                        sv += p;
                        ar += p * cos1[j];
                        ai += p * sin1[j];
                        br += p * cos1[2 * j % n];
                        bi += p * sin1[2 * j % n];
                    }
                    s[l] = sv;
                    e1r[l] = ar;
                    e1i[l] = ai;
                    e2r[l] = br;
                    e2i[l] = bi;
                }
            }
            double[] ac = new double[n];
            double max = 0;
            for (int l = 0; l < n; l++) {
                double rotated1 = cos1[l] * e1r[l] - sin1[l] * e1i[l];
                double rotated2 = cos1[l] * e2r[l] - sin1[l] * e2i[l];
                ac[l] = 0.25 * s[l] - 0.25 * (e1r[l] + rotated1) + 0.125 * (cos1[l] * s[l] + rotated2);
                max = Math.max(max, Math.abs(ac[l]));
            }
            double div = max < Double.MIN_NORMAL ? 1.0 : max;
            for (int l = 0; l < n; l++) {
                sum[l] += ac[l] / div;
            }
            if (t + 1 < onset.length) {
                for (int l = 0; l < n; l++) {
                    double pOld = x[t] * x[t + l];
                    double pNew = x[t + n - l] * x[t + n];
                    s[l] += pNew - pOld;
                    double ar = e1r[l] - pOld + pNew * cos1[l];
                    double ai = e1i[l] - pNew * sin1[l];
                    e1r[l] = ar * c1 + ai * s1;
                    e1i[l] = ai * c1 - ar * s1;
                    double br = e2r[l] - pOld + pNew * cos1[2 * l % n];
                    double bi = e2i[l] - pNew * sin1[2 * l % n];
                    e2r[l] = br * c2 + bi * s2;
                    e2i[l] = bi * c2 - br * s2;
                }
            }
        }
    }
}
