package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;

/** Flatness against its definition (geometric over arithmetic mean of max(amin, |S|^power)), summing logs bin by bin. */
public class SpectralFlatnessTests extends OpenSearchTestCase {

    private static double definition(double[] s, double power, double amin) {
        double logSum = 0;
        double sum = 0;
        for (double v : s) {
            double x = Math.max(amin, Math.pow(v, power));
            logSum += Math.log(x);
            sum += x;
        }
        return Math.exp(logSum / s.length) / (sum / s.length);
    }

    public void testMatchesTheDefinitionFromSilenceToHugeValues() {
        double[] scales = {0, 1e-9, 1e-3, 1, 1e3, 1e60};
        for (double scale : scales) {
            double[][] magnitude = new double[20][between(1, 1025)];
            for (double[] row : magnitude) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = scale * random().nextDouble() * (randomBoolean() ? 1 : 1e-4);
                }
            }
            double[][] squared = new double[magnitude.length][];
            for (int t = 0; t < magnitude.length; t++) {
                squared[t] = Arrays.stream(magnitude[t]).map(v -> v * v).toArray();
            }
            double[] fromPower = SpectralFlatness.fromPower(squared, SpectralFlatness.AMIN);
            double[] work = new double[1025];
            for (int t = 0; t < magnitude.length; t++) {
                double expected = definition(magnitude[t], 2.0, SpectralFlatness.AMIN);
                assertEquals("from power, scale " + scale, expected, fromPower[t], 1e-12 * Math.max(1e-300, expected));
                double scalar = SpectralFlatness.frameFromPower(squared[t], SpectralFlatness.AMIN, work, SpectrumKernels.scalar());
                assertEquals("scalar kernels, scale " + scale, expected, scalar, 1e-12 * Math.max(1e-300, expected));
            }
            for (double power : new double[] {1.0, 2.0}) {
                double[] ours = SpectralFlatness.compute(magnitude, power, SpectralFlatness.AMIN);
                for (int t = 0; t < magnitude.length; t++) {
                    double expected = definition(magnitude[t], power, SpectralFlatness.AMIN);
                    assertEquals("scale " + scale + " power " + power, expected, ours[t], 1e-12 * Math.max(1e-300, expected));
                }
            }
        }
    }

    public void testWhiteSpectrumIsFlatAndAToneIsNot() {
        double[][] flat = {new double[513]};
        java.util.Arrays.fill(flat[0], 0.5);
        assertEquals(1.0, SpectralFlatness.compute(flat, 2.0, SpectralFlatness.AMIN)[0], 1e-12);
        double[][] tone = {new double[513]};
        tone[0][100] = 10;
        assertTrue(SpectralFlatness.compute(tone, 2.0, SpectralFlatness.AMIN)[0] < 1e-6);
    }
}
