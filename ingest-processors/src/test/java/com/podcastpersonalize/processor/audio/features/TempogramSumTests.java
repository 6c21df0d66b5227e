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
}
