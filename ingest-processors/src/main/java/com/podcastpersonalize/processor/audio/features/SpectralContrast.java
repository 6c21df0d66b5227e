package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.spectral_contrast(y, sr, n_fft=2048, hop_length=512, fmin=200.0, n_bands=6,
 * quantile=0.02, linear=False)}: octave bands with edges 0, fmin, 2·fmin, ..., 2^n_bands·fmin; in each band
 * and frame, peak = mean of the top quantile of the sorted magnitudes, valley = mean of the bottom quantile
 * (at least one bin), and contrast = power_to_db(peak) - power_to_db(valley) (each with its own top_db floor
 * over all bands and frames), or peak - valley when linear. Band membership follows librosa: each band above
 * the first also takes the bin just below its lower edge, bands below the last drop their highest bin, and
 * the last band takes everything up to Nyquist. Output [frame][n_bands+1].
 */
public final class SpectralContrast {

    public static final int DEFAULT_N_BANDS = 6;
    public static final double DEFAULT_FMIN = 200.0;
    public static final double DEFAULT_QUANTILE = 0.02;

    private SpectralContrast() {}

    public static double[][] compute(double[][] magnitude, double[] freqs, double fmin, int nBands, double quantile, boolean linear) {
        Bands bands = new Bands(freqs, fmin, nBands, quantile);
        double[][] peak = new double[magnitude.length][nBands + 1];
        double[][] valley = new double[magnitude.length][nBands + 1];
        for (int t = 0; t < magnitude.length; t++) {
            bands.frame(magnitude[t], peak[t], valley[t]);
        }
        return fromPeaksAndValleys(peak, valley, linear);
    }

    /** The contrast from per-frame peaks and valleys [frame][band]: in dB (each with its own top_db floor), or linear. */
    public static double[][] fromPeaksAndValleys(double[][] peak, double[][] valley, boolean linear) {
        int frames = peak.length;
        if (linear) {
            double[][] out = new double[frames][];
            for (int t = 0; t < frames; t++) {
                out[t] = new double[peak[t].length];
                for (int b = 0; b < out[t].length; b++) {
                    out[t][b] = peak[t][b] - valley[t][b];
                }
            }
            return out;
        }
        double[][] peakDb = PowerToDb.compute(peak);
        double[][] valleyDb = PowerToDb.compute(valley);
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < peakDb[t].length; b++) {
                peakDb[t][b] -= valleyDb[t][b];
            }
        }
        return peakDb;
    }

    /** The octave bands over the FFT bins of one size, and each frame's peaks and valleys in them. Not thread-safe. */
    public static final class Bands {
        private final int[] from;
        private final int[] used;
        private final double[][] lowest;
        private final double[][] highest;
        private final Scratch scratch;

        public Bands(double[] freqs, double fmin, int nBands, double quantile) {
            int nBins = freqs.length;
            this.from = new int[nBands + 1];
            this.used = new int[nBands + 1];
            this.lowest = new double[nBands + 1][];
            this.highest = new double[nBands + 1][];
            int maxQ = 0;
            for (int band = 0; band <= nBands; band++) {
                double low = band == 0 ? 0 : fmin * Math.pow(2, band - 1);
                double high = fmin * Math.pow(2, band);
                int first = -1;
                int last = -1;
                for (int k = 0; k < nBins; k++) {
                    if (freqs[k] >= low && freqs[k] <= high) {
                        if (first < 0) {
                            first = k;
                        }
                        last = k;
                    }
                }
                if (first < 0) {
                    throw new IllegalArgumentException("spectral contrast band " + band + " [" + low + ", " + high + "] Hz holds no FFT bin");
                }
                // the FFT frequencies rise, so the band's bins are a run: [from, to)
                from[band] = band > 0 && first > 0 ? first - 1 : first;
                int to = band == nBands ? nBins : last + 1;
                int count = to - from[band];
                used[band] = band < nBands ? count - 1 : count; // librosa drops the top bin of all but the last band
                int q = (int) Math.max(1, Math.rint(quantile * count));
                int kept = Math.min(q, used[band]);
                maxQ = Math.max(maxQ, kept);
                lowest[band] = new double[kept];
                highest[band] = new double[kept];
            }
            this.scratch = new Scratch(nBins, maxQ);
        }

        /** One frame: the mean of each band's top and bottom quantile of the magnitude spectrum, into peak and valley. */
        public void frame(double[] magnitude, double[] peak, double[] valley) {
            for (int band = 0; band < from.length; band++) {
                extremes(magnitude, from[band], used[band], lowest[band], highest[band], scratch);
                peak[band] = mean(highest[band], 0, highest[band].length);
                valley[band] = mean(lowest[band], 0, lowest[band].length);
            }
        }
    }

    /**
     * The {@code lowest.length} (q) smallest and largest of {@code row[from .. from+used)}, each ascending: the
     * first and last entries of the sorted band, as librosa's sort gives them (equal values are
     * interchangeable), without sorting the band. Deal the band into L ≥ q interleaved lanes (bin i to lane
     * i mod L, so that each lane spans the whole band and the bound below stays tight on sloping spectra): the
     * lanes' minima are L different values, so the q-th smallest of the band is at most the q-th smallest of
     * those minima, and only values up to it can be among the q smallest (likewise for the largest). One pass
     * of lane-wise min/max (consecutive bins to consecutive lanes, which the JIT vectorizes), one that gathers
     * the few candidates without branching, and an insertion of those into two short sorted lists.
     */
    static void extremes(double[] row, int from, int used, double[] lowest, double[] highest) {
        extremes(row, from, used, lowest, highest, new Scratch(used, lowest.length));
    }

    private static final int LANES = 16;

    private static int lanes(int q) {
        return Math.max(LANES, (q + LANES - 1) / LANES * LANES);
    }

    /** Work arrays of {@link #extremes}, for bands of up to {@code maxUsed} bins and q up to {@code maxQ}. */
    static final class Scratch {
        private final double[] laneMin;
        private final double[] laneMax;
        private final double[] lowCandidates;
        private final double[] highCandidates;

        Scratch(int maxUsed, int maxQ) {
            this.laneMin = new double[lanes(maxQ)];
            this.laneMax = new double[lanes(maxQ)];
            this.lowCandidates = new double[maxUsed + 1];
            this.highCandidates = new double[maxUsed + 1];
        }
    }

    static void extremes(double[] row, int from, int used, double[] lowest, double[] highest, Scratch scratch) {
        int q = lowest.length;
        if (q == 0) {
            return;
        }
        if (q == 1) { // the band's minimum and maximum
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < from + used; i++) {
                min = Math.min(min, row[i]);
                max = Math.max(max, row[i]);
            }
            lowest[0] = min;
            highest[0] = max;
            return;
        }
        int lanes = lanes(q);
        double[] laneMin = scratch.laneMin;
        double[] laneMax = scratch.laneMax;
        java.util.Arrays.fill(laneMin, 0, lanes, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(laneMax, 0, lanes, Double.NEGATIVE_INFINITY);
        int end = from + used;
        int whole = from + used / lanes * lanes;
        for (int b = from; b < whole; b += lanes) {
            for (int c = 0; c < lanes; c++) {
                laneMin[c] = Math.min(laneMin[c], row[b + c]);
                laneMax[c] = Math.max(laneMax[c], row[b + c]);
            }
        }
        for (int c = 0; whole + c < end; c++) {
            laneMin[c] = Math.min(laneMin[c], row[whole + c]);
            laneMax[c] = Math.max(laneMax[c], row[whole + c]);
        }
        // lanes left empty (bands shorter than L) hold ±∞, and at least q ≤ used lanes are not empty
        double lowBound = qthSmallest(laneMin, lanes, q, lowest);
        for (int c = 0; c < lanes; c++) {
            laneMax[c] = -laneMax[c];
        }
        double highBound = -qthSmallest(laneMax, lanes, q, highest);
        double[] lowCandidates = scratch.lowCandidates;
        double[] highCandidates = scratch.highCandidates;
        // candidates gathered without branches (each value written, the count advanced only for a candidate)
        int nLowCandidates = 0;
        int nHighCandidates = 0;
        for (int i = from; i < end; i++) {
            double v = row[i];
            lowCandidates[nLowCandidates] = v;
            nLowCandidates += v <= lowBound ? 1 : 0;
            highCandidates[nHighCandidates] = v;
            nHighCandidates += v >= highBound ? 1 : 0;
        }
        int nLow = 0;
        for (int i = 0; i < nLowCandidates; i++) {
            double v = lowCandidates[i];
            if (nLow < q || v < lowest[q - 1]) { // among the q smallest so far
                int j = nLow < q ? nLow++ : q - 1;
                while (j > 0 && lowest[j - 1] > v) {
                    lowest[j] = lowest[j - 1];
                    j--;
                }
                lowest[j] = v;
            }
        }
        int nHigh = 0;
        for (int i = 0; i < nHighCandidates; i++) {
            double v = highCandidates[i];
            if (nHigh < q || v > highest[0]) { // among the q largest so far
                int j;
                if (nHigh < q) {
                    j = nHigh++;
                    while (j > 0 && highest[j - 1] > v) {
                        highest[j] = highest[j - 1];
                        j--;
                    }
                } else {
                    j = 0;
                    while (j < q - 1 && highest[j + 1] < v) {
                        highest[j] = highest[j + 1];
                        j++;
                    }
                }
                highest[j] = v;
            }
        }
    }

    /** The q-th smallest of v[0..n), keeping the q smallest in {@code work} (length ≥ q, overwritten). */
    private static double qthSmallest(double[] v, int n, int q, double[] work) {
        int kept = 0;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (kept == q && !(x < work[q - 1])) {
                continue;
            }
            int j = kept < q ? kept++ : q - 1;
            while (j > 0 && work[j - 1] > x) {
                work[j] = work[j - 1];
                j--;
            }
            work[j] = x;
        }
        return work[q - 1];
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
