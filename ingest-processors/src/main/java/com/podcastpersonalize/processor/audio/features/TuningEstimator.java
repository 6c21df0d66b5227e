package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.estimate_tuning(S=power, sr, n_fft, resolution=0.01, bins_per_octave=12)} with the
 * {@code librosa.piptrack} defaults it uses (fmin=150, fmax=4000, threshold=0.1) and
 * {@code librosa.pitch_tuning}. piptrack: in each frame, bins between fmin and fmax that are local maxima of
 * S (after zeroing bins below 0.1·frame max) give a pitch (k + δ)·sr/n_fft, δ the parabolic-interpolation
 * offset, and a magnitude S + ½·gradient·δ. Pitches whose magnitude reaches the median magnitude are folded
 * to their deviation from the equal-tempered grid in [-0.5, 0.5) bins, histogrammed in 1/resolution bins, and
 * the left edge of the fullest bin is the tuning.
 */
public final class TuningEstimator {

    private static final double FMIN = 150.0;
    private static final double FMAX = 4000.0;
    private static final double THRESHOLD = 0.1;

    private TuningEstimator() {}

    /** @param spectrum magnitude or power spectrogram [frame][bin] (librosa's {@code S=}) */
    public static double estimate(double[][] spectrum, double sr, double resolution, int binsPerOctave) {
        if (spectrum.length == 0) {
            return 0.0;
        }
        Peaks peaks = new Peaks(sr, spectrum[0].length);
        for (double[] s : spectrum) {
            peaks.add(s);
        }
        return peaks.estimate(resolution, binsPerOctave);
    }

    /** piptrack's peaks, gathered frame by frame, and the tuning they give. Not thread-safe. */
    public static final class Peaks {
        private final double sr;
        private final int bins;
        private final int nFft;
        private final int kLo;
        private final int kHi;
        private int count;
        private double[] pitches = new double[1024];
        private double[] mags = new double[1024];

        public Peaks(double sr, int bins) {
            this.sr = sr;
            this.bins = bins;
            this.nFft = 2 * (bins - 1);
            double fmax = Math.min(FMAX, sr / 2);
            double[] freqs = FftFrequencies.of(sr, nFft);
            // piptrack's band [fmin, fmax) as a run of bins (the FFT frequencies rise); bin 0 is never a peak here
            int lo = 1;
            while (lo < bins && !(freqs[lo] >= FMIN)) {
                lo++;
            }
            int hi = lo;
            while (hi < bins && freqs[hi] < fmax) {
                hi++;
            }
            this.kLo = lo;
            this.kHi = hi;
        }

        /** The peaks of one frame of the spectrum. */
        public void add(double[] s) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                max = Math.max(max, v);
            }
            double ref = THRESHOLD * max;
            for (int k = kLo; k < kHi; k++) {
                if (!(s[k] > ref)) {
                    continue; // masked to 0: not above its (non-negative) masked neighbour
                }
                double here = s[k];
                double prev = masked(s, k - 1, ref);
                double next = k + 1 < bins ? masked(s, k + 1, ref) : here;
                if (!(here > prev && here >= next)) {
                    continue;
                }
                double shift = k + 1 < bins ? parabolicShift(s[k - 1], s[k], s[k + 1]) : 0.0;
                double gradient = k + 1 < bins ? (s[k + 1] - s[k - 1]) / 2 : s[k] - s[k - 1];
                double pitch = (k + shift) * sr / nFft;
                if (pitch > 0) {
                    if (count == pitches.length) {
                        pitches = java.util.Arrays.copyOf(pitches, 2 * count);
                        mags = java.util.Arrays.copyOf(mags, 2 * count);
                    }
                    pitches[count] = pitch;
                    mags[count] = s[k] + 0.5 * gradient * shift;
                    count++;
                }
            }
        }

        /** The tuning of the peaks whose magnitude reaches their median; 0 when there are none. */
        public double estimate(double resolution, int binsPerOctave) {
            if (count == 0) {
                return 0.0;
            }
            double threshold = median(java.util.Arrays.copyOf(mags, count));
            double[] selected = new double[count];
            int m = 0;
            for (int i = 0; i < count; i++) {
                if (mags[i] >= threshold) {
                    selected[m++] = pitches[i];
                }
            }
            return pitchTuning(java.util.Arrays.copyOf(selected, m), resolution, binsPerOctave);
        }
    }

    private static double masked(double[] s, int k, double ref) {
        return s[k] > ref ? s[k] : 0.0;
    }

    /** Offset of the vertex of the parabola through three points from the middle one; 0 when not a peak shape. */
    static double parabolicShift(double left, double mid, double right) {
        double a = right + left - 2 * mid;
        double b = (right - left) / 2;
        if (Math.abs(b) >= Math.abs(a)) {
            return 0.0;
        }
        return -b / a;
    }

    /** Mirrors {@code librosa.pitch_tuning(frequencies, resolution, bins_per_octave)}. */
    public static double pitchTuning(double[] frequencies, double resolution, int binsPerOctave) {
        int nBins = (int) Math.ceil(1.0 / resolution);
        double[] edges = Linspace.of(-0.5, 0.5, nBins + 1);
        int[] counts = new int[nBins];
        boolean any = false;
        for (double f : frequencies) {
            if (!(f > 0)) {
                continue;
            }
            any = true;
            double octs = Math.log(f / (440.0 / 16)) / Math.log(2);
            double residual = binsPerOctave * octs;
            residual = residual - Math.floor(residual);
            if (residual >= 0.5) {
                residual -= 1.0;
            }
            int idx = histogramIndex(residual, edges, nBins);
            if (idx >= 0) {
                counts[idx]++;
            }
        }
        if (!any) {
            return 0.0;
        }
        int best = 0;
        for (int i = 1; i < nBins; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return edges[best];
    }

    // numpy.histogram's bin assignment for uniform edges: computed index, corrected against the actual edges
    private static int histogramIndex(double x, double[] edges, int nBins) {
        double first = edges[0];
        double last = edges[nBins];
        if (x < first || x > last) {
            return -1;
        }
        int i = (int) ((x - first) / (last - first) * nBins);
        if (i == nBins) {
            i--;
        }
        if (x < edges[i]) {
            i--;
        }
        if (i + 1 <= nBins && x >= edges[i + 1] && i != nBins - 1) {
            i++;
        }
        return i;
    }

    /** numpy.median: the middle value, or the mean of the two middle values; v is reordered. */
    static double median(double[] v) {
        int n = v.length;
        double upper = select(v, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = Double.NEGATIVE_INFINITY; // after select, v[0 .. n/2) holds the values at or below it
        for (int i = 0; i < n / 2; i++) {
            lower = Math.max(lower, v[i]);
        }
        return (lower + upper) / 2;
    }

    /**
     * The k-th smallest of v (0-based), the value sorting would put at v[k], by quickselect (median-of-three
     * pivots; falls back to sorting the part left after 64 rounds). Reorders v so that v[0..k) ≤ v[k] ≤ v(k..).
     */
    static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        for (int round = 0; lo < hi; round++) {
            if (round == 64) {
                java.util.Arrays.sort(v, lo, hi + 1);
                break;
            }
            int mid = (lo + hi) >>> 1;
            double pivot = Math.max(Math.min(v[lo], v[mid]), Math.min(Math.max(v[lo], v[mid]), v[hi]));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = v[i];
                    v[i++] = v[j];
                    v[j--] = tmp;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break; // v(j..i) all equal the pivot
            }
        }
        return v[k];
    }
}
