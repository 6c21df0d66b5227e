package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.yin(y, fmin, fmax, sr=22050, frame_length=2048, hop_length=frame_length/4,
 * trough_threshold=0.1, center=True, pad_mode='constant')} as of librosa 0.11 (de Cheveigné & Kawahara 2002,
 * with the whole-frame difference function of librosa PR #1882; win_length is no longer used). Per frame x
 * of N samples (zero-padded by N/2 when centred): r(τ) = Σ_{n=0..N-1-τ} x[n]·x[n+τ] (the autocorrelation
 * over the whole frame, via FFT: {@link FrameAutocorrelation}), the difference d(τ) = 2·(r(0) - r(τ)) - Σ_{m<τ} x[m]², the cumulative mean
 * normalised difference d'(τ) = d(τ)·τ / Σ_{j=1..τ} d(j) for τ from ⌊sr/fmax⌋ to min(⌈sr/fmin⌉, N - 1); the
 * first local minimum of d' below trough_threshold (or the global minimum when there is none), refined by
 * parabolic interpolation, is the period; f0 = sr / period.
 *
 * <p>librosa's YIN reports a frequency for every frame, even silence. {@link Result#voiced()} adds the
 * voicing decision the analyzer uses: a trough below the threshold exists and the frame is not silent (RMS
 * above {@value #SILENCE_RMS}, about -90 dBFS).
 */
public final class Yin {

    public static final double DEFAULT_TROUGH_THRESHOLD = 0.1;
    /** C2 and C7, librosa's recommended range, covers speech and most instruments. */
    public static final double DEFAULT_FMIN = 65.40639132514966;
    public static final double DEFAULT_FMAX = 2093.004522404789;
    static final double SILENCE_RMS = 3e-5;

    /** Per frame: f0 in Hz (librosa's value), whether a trough below the threshold was found and the frame has sound. */
    public record Result(double[] f0, boolean[] voiced, double[] troughValue) {}

    private Yin() {}

    public static Result compute(float[] y, double sr, double fmin, double fmax, int frameLength, int hop, double troughThreshold, boolean center) {
        return compute(y, sr, fmin, fmax, frameLength, hop, troughThreshold, center, SpectrumKernels.best());
    }

    /** With the normalised difference taken by {@code kernels}. */
    public static Result compute(float[] y, double sr, double fmin, double fmax, int frameLength, int hop, double troughThreshold, boolean center,
                                 SpectrumKernels kernels) {
        int minPeriod = Math.max(1, (int) Math.floor(sr / fmax));
        int maxPeriod = Math.min((int) Math.ceil(sr / fmin), frameLength - 1);
        if (maxPeriod <= minPeriod) {
            throw new IllegalArgumentException("yin: no period range for fmin=" + fmin + " fmax=" + fmax + " frame_length=" + frameLength);
        }
        int pad = center ? frameLength / 2 : 0; // frames of y zero-padded by pad on both sides, read without a padded copy
        int frames = Framing.frameCount(y.length + 2 * pad, frameLength, hop);
        FrameAutocorrelation autocorrelation = new FrameAutocorrelation(y, pad, frameLength, hop, maxPeriod);
        double[] acf = new double[maxPeriod + 1];
        double[] lead = new double[maxPeriod]; // the frame's first samples, for the Σ x[m]² terms
        double[] diff = new double[maxPeriod + 1];
        double[] cumulative = new double[maxPeriod + 1];
        int span = maxPeriod - minPeriod + 1;
        double[] cmnd = new double[span];
        double[] f0 = new double[frames];
        boolean[] voiced = new boolean[frames];
        double[] trough = new double[frames];
        for (int t = 0; t < frames; t++) {
            autocorrelation.next(acf);
            Framing.readPadded(y, pad, t * hop, maxPeriod, lead);
            double head = 0; // Σ_{m<τ} x[m]²
            double running = 0; // Σ_{j≤τ} d(j)
            diff[0] = 0;
            for (int tau = 1; tau <= maxPeriod; tau++) {
                double v = lead[tau - 1];
                head += v * v;
                diff[tau] = 2 * (acf[0] - acf[tau]) - head;
                running += diff[tau];
                cumulative[tau] = running;
            }
            // d(τ) / (Σ d / τ + tiny) as d(τ)·τ / (Σ d + τ·tiny): one division per lag instead of two, in a loop of its
            // own, off the serial chain of running sums above; rounding only
            kernels.normalisedDifference(diff, cumulative, minPeriod, maxPeriod, cmnd);
            int idx = -1;
            for (int i = 0; i < span; i++) {
                if (!(cmnd[i] < troughThreshold)) {
                    continue; // the cheap test first: most lags are above the threshold
                }
                boolean isTrough = i == 0 ? span > 1 && cmnd[0] < cmnd[1]
                    : cmnd[i] < cmnd[i - 1] && (i == span - 1 || cmnd[i] <= cmnd[i + 1]);
                if (isTrough) {
                    idx = i;
                    break;
                }
            }
            boolean foundTrough = idx >= 0;
            if (!foundTrough) {
                idx = 0;
                for (int i = 1; i < span; i++) {
                    if (cmnd[i] < cmnd[idx]) {
                        idx = i;
                    }
                }
            }
            double shift = idx > 0 && idx < span - 1 ? TuningEstimator.parabolicShift(cmnd[idx - 1], cmnd[idx], cmnd[idx + 1]) : 0.0;
            f0[t] = sr / (minPeriod + idx + shift);
            trough[t] = cmnd[idx];
            double rms = Math.sqrt(Math.max(0, acf[0]) / frameLength);
            voiced[t] = foundTrough && rms > SILENCE_RMS;
        }
        return new Result(f0, voiced, trough);
    }

    /** librosa defaults: C2..C7, frame 2048, hop 512, threshold 0.1, centred. */
    public static Result compute(float[] y, double sr) {
        return compute(y, sr, DEFAULT_FMIN, DEFAULT_FMAX, 2048, 512, DEFAULT_TROUGH_THRESHOLD, true);
    }
}
