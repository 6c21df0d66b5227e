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
        int frames = magnitude.length;
        int nBins = freqs.length;
        double[][] peak = new double[frames][nBands + 1];
        double[][] valley = new double[frames][nBands + 1];
        int[] from = new int[nBands + 1];
        int[] used = new int[nBands + 1];
        double[][] lowest = new double[nBands + 1][];
        double[][] highest = new double[nBands + 1][];
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
            lowest[band] = new double[kept];
            highest[band] = new double[kept];
        }
        // frame by frame (each spectrum read once while it is in cache), band by band
        for (int t = 0; t < frames; t++) {
            for (int band = 0; band <= nBands; band++) {
                extremes(magnitude[t], from[band], used[band], lowest[band], highest[band]);
                peak[t][band] = mean(highest[band], 0, highest[band].length);
                valley[t][band] = mean(lowest[band], 0, lowest[band].length);
            }
        }
        if (linear) {
            double[][] out = new double[frames][nBands + 1];
            for (int t = 0; t < frames; t++) {
                for (int b = 0; b <= nBands; b++) {
                    out[t][b] = peak[t][b] - valley[t][b];
                }
            }
            return out;
        }
        double[][] peakDb = PowerToDb.compute(peak);
        double[][] valleyDb = PowerToDb.compute(valley);
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b <= nBands; b++) {
                peakDb[t][b] -= valleyDb[t][b];
            }
        }
        return peakDb;
    }

    /**
     * The {@code lowest.length} (q) smallest and largest of {@code row[from .. from+used)}, each ascending: the
     * first and last entries of the sorted band, as librosa's sort gives them (equal values are
     * interchangeable), without sorting the band. Deal the band into q interleaved subsets (every q-th bin):
     * their minima are q different values, so the q-th smallest of the band is at most the largest of those
     * minima, and only values up to it can be among the q smallest (likewise for the largest). Interleaved
     * rather than consecutive subsets, so that each spans the whole band and the bound stays tight on sloping
     * spectra. One pass of branch-free min/max, then one pass that rarely finds a candidate and inserts the few
     * it finds into a short sorted list.
     */
    static void extremes(double[] row, int from, int used, double[] lowest, double[] highest) {
        int q = lowest.length;
        double lowBound = Double.NEGATIVE_INFINITY;
        double highBound = Double.POSITIVE_INFINITY;
        int end = from + used;
        for (int c = 0; c < q; c++) {
            double min = row[from + c];
            double max = min;
            for (int i = from + c + q; i < end; i += q) {
                double v = row[i];
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
            lowBound = Math.max(lowBound, min);
            highBound = Math.min(highBound, max);
        }
        int nLow = 0;
        int nHigh = 0;
        for (int i = from; i < from + used; i++) {
            double v = row[i];
            if (v <= lowBound && (nLow < q || v < lowest[q - 1])) { // among the q smallest so far
                int j = nLow < q ? nLow++ : q - 1;
                while (j > 0 && lowest[j - 1] > v) {
                    lowest[j] = lowest[j - 1];
                    j--;
                }
                lowest[j] = v;
            }
            if (v >= highBound && (nHigh < q || v > highest[0])) { // among the q largest so far
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
