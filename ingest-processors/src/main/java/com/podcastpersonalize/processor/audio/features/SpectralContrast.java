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
        return fromPeaksAndValleys(peak, valley, linear, SpectrumKernels.best());
    }

    /** {@link #fromPeaksAndValleys(double[][], double[][], boolean)} with the dB logarithms taken by {@code kernels}. */
    public static double[][] fromPeaksAndValleys(double[][] peak, double[][] valley, boolean linear, SpectrumKernels kernels) {
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
        double[][] peakDb = PowerToDb.compute(peak, kernels);
        double[][] valleyDb = PowerToDb.compute(valley, kernels);
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
            this(freqs, fmin, nBands, quantile, SpectrumKernels.best());
        }

        /** With the lane pass and the candidate gathering run by {@code kernels}. */
        public Bands(double[] freqs, double fmin, int nBands, double quantile, SpectrumKernels kernels) {
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
            this.scratch = new Scratch(nBins, maxQ, kernels);
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
     * i mod L, so that each lane spans the whole band and the bound below stays tight on sloping spectra) and
     * the lanes into q groups (lane c to group c mod q): the groups' minima are q values of different bins, so
     * at least q values of the band lie at or below the largest of them, and only values up to it can be among
     * the q smallest (likewise for the largest). One pass of lane-wise min/max (consecutive bins to consecutive
     * lanes: no branches, no serial chain), the group bounds (min/max again, no sorting), one pass that gathers
     * the few candidates in order, and an insertion of those into two short sorted lists. The lane pass and the
     * gathering are {@link SpectrumKernels} (SIMD lanes with the Vector API).
     */
    static void extremes(double[] row, int from, int used, double[] lowest, double[] highest, SpectrumKernels kernels) {
        extremes(row, from, used, lowest, highest, new Scratch(used, lowest.length, kernels));
    }

    private static final int LANES = SpectrumKernels.CONTRAST_LANES;

    private static int lanes(int q) {
        return Math.max(LANES, (q + LANES - 1) / LANES * LANES);
    }

    /** Work arrays of {@link #extremes}, for bands of up to {@code maxUsed} bins and q up to {@code maxQ}, and its kernels. */
    static final class Scratch {
        private final double[] laneMin;
        private final double[] laneMax;
        private final double[] lowCandidates;
        private final double[] highCandidates;
        private final int[] counts = new int[2];
        private final SpectrumKernels kernels;

        Scratch(int maxUsed, int maxQ, SpectrumKernels kernels) {
            this.laneMin = new double[lanes(maxQ)];
            this.laneMax = new double[lanes(maxQ)];
            this.lowCandidates = new double[maxUsed + 1];
            this.highCandidates = new double[maxUsed + 1];
            this.kernels = kernels;
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
        if (lanes == LANES) { // the usual case (q ≤ 16): a constant lane count (SIMD lanes with the Vector API)
            scratch.kernels.laneExtremes16(row, from, whole, laneMin, laneMax);
        } else {
            for (int b = from; b < whole; b += lanes) {
                for (int c = 0; c < lanes; c++) {
                    laneMin[c] = Math.min(laneMin[c], row[b + c]);
                    laneMax[c] = Math.max(laneMax[c], row[b + c]);
                }
            }
        }
        for (int c = 0; whole + c < end; c++) {
            laneMin[c] = Math.min(laneMin[c], row[whole + c]);
            laneMax[c] = Math.max(laneMax[c], row[whole + c]);
        }
        // lanes left empty (bands shorter than L) hold ±∞; a group of empty lanes makes the bound ±∞, which
        // only lets more values through
        double lowBound = Double.NEGATIVE_INFINITY;
        double highBound = Double.POSITIVE_INFINITY;
        for (int g = 0; g < q; g++) {
            double groupMin = Double.POSITIVE_INFINITY;
            double groupMax = Double.NEGATIVE_INFINITY;
            for (int c = g; c < lanes; c += q) {
                groupMin = Math.min(groupMin, laneMin[c]);
                groupMax = Math.max(groupMax, laneMax[c]);
            }
            lowBound = Math.max(lowBound, groupMin);
            highBound = Math.min(highBound, groupMax);
        }
        double[] lowCandidates = scratch.lowCandidates;
        double[] highCandidates = scratch.highCandidates;
        scratch.kernels.gatherCandidates(row, from, end, lowBound, highBound, lowCandidates, highCandidates, scratch.counts);
        int nLowCandidates = scratch.counts[0];
        int nHighCandidates = scratch.counts[1];
        // the low candidates from the top of the band down: spectra mostly fall with frequency, so most of them then
        // arrive above the values kept so far and are placed without shifting the list
        int nLow = 0;
        for (int i = nLowCandidates - 1; i >= 0; i--) {
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

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }
}
