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
        for (int band = 0; band <= nBands; band++) {
            double low = band == 0 ? 0 : fmin * Math.pow(2, band - 1);
            double high = fmin * Math.pow(2, band);
            boolean[] member = new boolean[nBins];
            int first = -1;
            int last = -1;
            for (int k = 0; k < nBins; k++) {
                if (freqs[k] >= low && freqs[k] <= high) {
                    member[k] = true;
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0) {
                throw new IllegalArgumentException("spectral contrast band " + band + " [" + low + ", " + high + "] Hz holds no FFT bin");
            }
            if (band > 0 && first > 0) {
                member[first - 1] = true;
            }
            if (band == nBands) {
                for (int k = last + 1; k < nBins; k++) {
                    member[k] = true;
                }
            }
            int count = 0;
            for (boolean m : member) {
                count += m ? 1 : 0;
            }
            int[] bins = new int[count];
            for (int k = 0, i = 0; k < nBins; k++) {
                if (member[k]) {
                    bins[i++] = k;
                }
            }
            int used = band < nBands ? count - 1 : count; // librosa drops the top bin of all but the last band
            int q = (int) Math.max(1, Math.rint(quantile * count));
            int kept = Math.min(q, used);
            double[] lowest = new double[kept];
            double[] highest = new double[kept];
            for (int t = 0; t < frames; t++) {
                extremes(magnitude[t], bins, used, lowest, highest);
                peak[t][band] = mean(highest, 0, kept);
                valley[t][band] = mean(lowest, 0, kept);
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
     * The {@code lowest.length} smallest and largest of {@code row[bins[0..used)]}, each ascending: the first and
     * last entries of the sorted band, as librosa's sort gives them (equal values are interchangeable), found
     * by insertion into two short sorted lists instead of sorting the band. Spectra mostly fall with frequency,
     * so the smallest are looked for from the top of the band down and the largest from the bottom up: either
     * way the values met first are the likely winners, and the rest fail a single comparison.
     */
    static void extremes(double[] row, int[] bins, int used, double[] lowest, double[] highest) {
        int q = lowest.length;
        int nLow = 0;
        for (int i = used - 1; i >= 0; i--) {
            double v = row[bins[i]];
            if (nLow < q || v < lowest[nLow - 1]) { // among the q smallest so far
                int j = nLow < q ? nLow++ : q - 1;
                while (j > 0 && lowest[j - 1] > v) {
                    lowest[j] = lowest[j - 1];
                    j--;
                }
                lowest[j] = v;
            }
        }
        int nHigh = 0;
        for (int i = 0; i < used; i++) {
            double v = row[bins[i]];
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
