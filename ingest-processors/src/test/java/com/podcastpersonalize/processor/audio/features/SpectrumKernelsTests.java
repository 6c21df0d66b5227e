package com.podcastpersonalize.processor.audio.features;

import com.podcastpersonalize.processor.audio.AudioReference;
import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;

/**
 * Each Vector API kernel gives the scalar kernel's result bit for bit, on the frames of real speech and music (the
 * librosa reference clips), at lengths that leave partial vectors; except the logarithms of the dB conversion, where
 * the Vector API's LOG10 may differ from Math.log10 by an ulp: there the two agree to 1e-12 relative (1e-12 dB near
 * 0 dB), a bound a thousand times wider than one ulp and far tighter than any error that matters in dB.
 */
public class SpectrumKernelsTests extends OpenSearchTestCase {

    private static final int SR = 22050;
    private final SpectrumKernels scalar = ScalarKernels.INSTANCE;
    private final SpectrumKernels vector = new VectorKernels();

    private static float[][] clips() {
        return new float[][] {AudioReference.generated("speech10s.y.npy").asFloats(), AudioReference.generated("test1_22050.y.npy").asFloats()};
    }

    public void testChoice() {
        assertSame("a JVM without the module runs the scalar loops", ScalarKernels.INSTANCE, KernelChoice.choose(false));
        assertTrue(KernelChoice.choose(true) instanceof VectorKernels); // this JVM's use of it: VectorKernelsAnalysisTests
    }

    public void testPackedPower() {
        double[] window = Windows.hann(2048, true);
        RealFft fft = RealFft.of(2048);
        for (float[] y : clips()) {
            for (int start = 0; start + 2048 <= y.length; start += 4099) {
                double[] packed = new double[2048];
                for (int j = 0; j < 2048; j++) {
                    packed[j] = y[start + j] * window[j];
                }
                fft.powerSpectrum(packed, new double[1025], scalar); // leaves the real FFT's packed output in packed
                double[] powerA = new double[1025];
                double[] powerB = new double[1025];
                scalar.packedPower(packed, powerA);
                vector.packedPower(packed, powerB);
                assertArrayEquals(powerA, powerB, 0.0);
            }
        }
    }

    public void testFourLaneSums() {
        double[] freqs = FftFrequencies.of(SR, 2048);
        double[][] dct = Mfcc.dctOrtho(20, 128);
        for (double[] row : magnitudes()) {
            double[] s = Arrays.copyOf(row, row.length - between(0, 5)); // lengths that leave a tail
            assertEquals(scalar.absSum4(s), vector.absSum4(s), 0.0);
            assertEquals(scalar.dot4(freqs, s, s.length), vector.dot4(freqs, s, s.length), 0.0);
            double c = scalar.dot4(freqs, s, s.length) / scalar.absSum4(s);
            assertEquals(scalar.centredSquareDot4(s, freqs, c), vector.centredSquareDot4(s, freqs, c), 0.0);
            double[] logMel = Arrays.copyOf(s, 128);
            for (double[] basis : dct) {
                assertEquals(scalar.dot4(basis, logMel, 128), vector.dot4(basis, logMel, 128), 0.0);
            }
        }
    }

    public void testContrastLanesAndCandidates() {
        for (double[] row : magnitudes()) {
            int from = between(0, 40);
            int whole = from + 16 * between(0, (row.length - from) / 16);
            double[][] lanes = new double[4][16];
            Arrays.fill(lanes[0], Double.POSITIVE_INFINITY);
            Arrays.fill(lanes[1], Double.NEGATIVE_INFINITY);
            Arrays.fill(lanes[2], Double.POSITIVE_INFINITY);
            Arrays.fill(lanes[3], Double.NEGATIVE_INFINITY);
            scalar.laneExtremes16(row, from, whole, lanes[0], lanes[1]);
            vector.laneExtremes16(row, from, whole, lanes[2], lanes[3]);
            assertArrayEquals(lanes[0], lanes[2], 0.0);
            assertArrayEquals(lanes[1], lanes[3], 0.0);

            int end = row.length - between(0, 9);
            double[] sorted = Arrays.copyOfRange(row, from, end);
            Arrays.sort(sorted);
            double lowBound = sorted[between(0, sorted.length - 1)];
            double highBound = sorted[between(0, sorted.length - 1)];
            double[][] out = new double[4][end - from + 1];
            int[] countsA = new int[2];
            int[] countsB = new int[2];
            scalar.gatherCandidates(row, from, end, lowBound, highBound, out[0], out[1], countsA);
            vector.gatherCandidates(row, from, end, lowBound, highBound, out[2], out[3], countsB);
            assertArrayEquals(countsA, countsB);
            assertArrayEquals(Arrays.copyOf(out[0], countsA[0]), Arrays.copyOf(out[2], countsB[0]), 0.0);
            assertArrayEquals(Arrays.copyOf(out[1], countsA[1]), Arrays.copyOf(out[3], countsB[1]), 0.0);
        }
    }

    public void testChromaSumsAndFlatnessSum() {
        double[][] fb = ChromaFilterbank.of(SR, 2048, randomDoubleBetween(-0.5, 0.5, true));
        double[] byBin = new double[1025 * 12];
        for (int c = 0; c < 12; c++) {
            for (int k = 0; k < 1025; k++) {
                byBin[k * 12 + c] = fb[c][k];
            }
        }
        for (double[] row : powers()) {
            double[] a = new double[12];
            double[] b = new double[12];
            scalar.chroma12(row, byBin, a);
            vector.chroma12(row, byBin, b);
            assertArrayEquals(a, b, 0.0);

            double[] s = Arrays.copyOf(row, row.length - between(0, 5)); // flatness over odd lengths too
            double[] xa = new double[s.length];
            double[] xb = new double[s.length];
            double sumA = scalar.clampAndSum(s, SpectralFlatness.AMIN, xa);
            double sumB = vector.clampAndSum(s, SpectralFlatness.AMIN, xb);
            assertEquals(sumA, sumB, 0.0);
            assertArrayEquals(xa, xb, 0.0);
        }
    }

    public void testDecibels() {
        double[] rows = new double[0];
        for (double[] row : powers()) {
            rows = Arrays.copyOf(rows, rows.length + row.length);
            System.arraycopy(row, 0, rows, rows.length - row.length, row.length);
        }
        // the frames' powers, silent bins (below amin) and values around 1 (near 0 dB)
        double[] specials = {0, 1e-12, PowerToDb.AMIN, 1, Math.nextUp(1.0), Math.nextDown(1.0), 0.999, 1.001, 1e300, Double.MIN_VALUE};
        double[] s = Arrays.copyOf(rows, rows.length + specials.length);
        System.arraycopy(specials, 0, s, rows.length, specials.length);
        for (double refDb : new double[] {0, 10 * Math.log10(3.5)}) {
            double[] a = new double[s.length];
            double[] b = new double[s.length];
            double maxA = scalar.decibels(s, PowerToDb.AMIN, refDb, a);
            double maxB = vector.decibels(s, PowerToDb.AMIN, refDb, b);
            for (int k = 0; k < s.length; k++) {
                assertEquals("bin " + k + " power " + s[k], a[k], b[k], 1e-12 * Math.max(1, Math.abs(a[k])));
            }
            assertEquals(maxA, maxB, 1e-12 * Math.abs(maxA));
            assertEquals(Arrays.stream(a).max().getAsDouble(), maxA, 0.0);
            assertEquals(Arrays.stream(b).max().getAsDouble(), maxB, 0.0);
            // a length that leaves a partial vector, which the scalar kernel's loop finishes (the vector LOG10 is the
            // JDK's SIMD stub once C2 has compiled the kernel, Math.log10 lane by lane before, so the whole vectors of
            // two calls need not agree bit for bit)
            int n = s.length - between(1, 3);
            double[] c = new double[n];
            double maxC = vector.decibels(Arrays.copyOf(s, n), PowerToDb.AMIN, refDb, c);
            int whole = n / 4 * 4;
            for (int k = 0; k < whole; k++) {
                assertEquals("bin " + k + " power " + s[k], a[k], c[k], 1e-12 * Math.max(1, Math.abs(a[k])));
            }
            assertArrayEquals(Arrays.copyOfRange(a, whole, n), Arrays.copyOfRange(c, whole, n), 0.0);
            assertEquals(Arrays.stream(c).max().getAsDouble(), maxC, 0.0);
        }
    }

    public void testSumOfLogs() {
        for (double[] row : powers()) {
            // a frame's clamped powers, then as flatness passes them: the products of blocks of 16 and a tail
            double[] x = new double[row.length];
            for (int k = 0; k < row.length; k++) {
                x[k] = Math.max(SpectralFlatness.AMIN, row[k]);
            }
            int blocks = x.length / 16;
            double[] terms = Arrays.copyOf(x, x.length);
            for (int b = 0; b < blocks; b++) {
                double product = 1;
                for (int j = 16 * b; j < 16 * b + 16; j++) {
                    product *= x[j];
                }
                terms[b] = product;
            }
            System.arraycopy(x, 16 * blocks, terms, blocks, x.length - 16 * blocks);
            for (double[] values : new double[][] {x, Arrays.copyOf(terms, blocks + x.length - 16 * blocks)}) {
                int n = values.length - between(0, 3); // lengths that leave a partial vector
                double[] a = values.clone();
                double[] b = values.clone();
                double sumA = scalar.sumOfLogs(a, n);
                double sumB = vector.sumOfLogs(b, n);
                double expected = 0;
                for (int i = 0; i < n; i++) {
                    assertEquals("log " + values[i], Math.log(values[i]), a[i], 0.0);
                    assertEquals("log " + values[i], a[i], b[i], 1e-12 * Math.max(1, Math.abs(a[i])));
                    expected += Math.log(values[i]);
                }
                assertEquals(expected, sumA, 0.0);
                assertEquals(sumA, sumB, 1e-12 * Math.abs(sumA));
                assertArrayEquals("past n untouched", Arrays.copyOfRange(values, n, values.length), Arrays.copyOfRange(b, n, values.length), 0.0);
            }
        }
    }

    public void testNormalisedDifference() {
        // YIN's difference function and its running sums on real frames: r(0) - r(τ) from the frames' samples
        for (float[] y : clips()) {
            for (int start = 0; start + 2048 + 339 <= y.length; start += 7001) {
                double[] diff = new double[339];
                double[] cumulative = new double[339];
                double running = 0;
                for (int tau = 1; tau < 339; tau++) {
                    double d = 0;
                    for (int n = 0; n < 2048 - tau; n++) {
                        double e = y[start + n] - y[start + n + tau];
                        d += e * e;
                    }
                    diff[tau] = d;
                    running += d;
                    cumulative[tau] = running;
                }
                int minLag = between(1, 12);
                int maxLag = 338 - between(0, 5);
                double[] a = new double[maxLag - minLag + 1];
                double[] b = new double[maxLag - minLag + 1];
                scalar.normalisedDifference(diff, cumulative, minLag, maxLag, a);
                vector.normalisedDifference(diff, cumulative, minLag, maxLag, b);
                assertArrayEquals(a, b, 0.0);
            }
        }
    }

    private static double[][] powers() {
        double[][] rows = new double[0][];
        for (float[] y : clips()) {
            double[][] p = new Stft(2048, 512, ScalarKernels.INSTANCE).power(y);
            rows = concat(rows, Arrays.copyOfRange(p, 0, Math.min(p.length, 200)));
        }
        return rows;
    }

    private static double[][] magnitudes() {
        return Spectrogram.sqrt(powers());
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
