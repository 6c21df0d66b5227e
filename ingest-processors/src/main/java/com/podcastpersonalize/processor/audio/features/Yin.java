package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.yin(y, fmin, fmax, sr=22050, frame_length=2048, win_length=frame_length/2,
 * hop_length=frame_length/4, trough_threshold=0.1, center=True, pad_mode='constant')} (de Cheveigné &
 * Kawahara 2002). Per frame x (zero-padded by frame_length/2 when centred): the difference function
 * d(τ) = Σ_{k=1..W} (x[k] - x[k+τ])², computed through an FFT autocorrelation with energies and
 * correlations below 1e-6 treated as 0 (as librosa does); the cumulative mean normalised difference
 * d'(τ) = d(τ)·τ / Σ_{j=1..τ} d(j) for τ from ⌊sr/fmax⌋ to min(⌈sr/fmin⌉, frame_length - W - 1); the first
 * local minimum of d' below trough_threshold (or the global minimum when there is none), refined by
 * parabolic interpolation, is the period; f0 = sr / period.
 *
 * <p>librosa's YIN reports a frequency for every frame, even silence. {@link Result#voiced()} adds the
 * voicing decision the analyzer uses: a trough below the threshold exists and the frame is not silent
 * (energy of the analysed window above {@value #SILENCE_ENERGY}).
 */
public final class Yin {

    public static final double DEFAULT_TROUGH_THRESHOLD = 0.1;
    /** C2 and C7, the range of librosa's pyin/yin examples, covers speech and most instruments. */
    public static final double DEFAULT_FMIN = 65.40639132514966;
    public static final double DEFAULT_FMAX = 2093.004522404789;
    // Σx² over the W-sample window; 1e-6 ≈ RMS 3e-5 (-90 dBFS) over 1024 samples: below that, no pitch
    static final double SILENCE_ENERGY = 1e-6;

    /** Per frame: f0 in Hz (librosa's value), whether a trough below the threshold was found and the frame has sound. */
    public record Result(double[] f0, boolean[] voiced, double[] troughValue) {}

    private Yin() {}

    public static Result compute(float[] y, double sr, double fmin, double fmax, int frameLength, int hop, double troughThreshold, boolean center) {
        int win = frameLength / 2;
        int minPeriod = (int) Math.floor(sr / fmax);
        int maxPeriod = Math.min((int) Math.ceil(sr / fmin), frameLength - win - 1);
        if (minPeriod < 1 || maxPeriod <= minPeriod) {
            throw new IllegalArgumentException("yin: no period range for fmin=" + fmin + " fmax=" + fmax + " frame_length=" + frameLength);
        }
        double[] x = center ? Framing.pad(y, frameLength / 2, Framing.Pad.CONSTANT) : Framing.toDouble(y);
        int frames = Framing.frameCount(x.length, frameLength, hop);
        RealFft fft = RealFft.of(frameLength);
        int bins = frameLength / 2 + 1;
        double[] a = new double[frameLength];
        double[] b = new double[frameLength];
        double[] reA = new double[bins], imA = new double[bins], reB = new double[bins], imB = new double[bins];
        double[] acf = new double[frameLength];
        double[] cumEnergy = new double[frameLength + 1];
        int lags = frameLength - win; // τ = 0 .. frameLength - win - 1
        double[] diff = new double[lags];
        int span = maxPeriod - minPeriod + 1;
        double[] cmnd = new double[span];
        double[] f0 = new double[frames];
        boolean[] voiced = new boolean[frames];
        double[] trough = new double[frames];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            java.util.Arrays.fill(b, 0);
            for (int j = 0; j < frameLength; j++) {
                a[j] = x[start + j];
            }
            for (int j = 0; j < win; j++) {
                b[j] = x[start + win - j]; // y_frames[win_length:0:-1]
            }
            cumEnergy[0] = 0;
            for (int j = 0; j < frameLength; j++) {
                cumEnergy[j + 1] = cumEnergy[j] + a[j] * a[j];
            }
            fft.forward(a, reA, imA);
            fft.forward(b, reB, imB);
            for (int k = 0; k < bins; k++) {
                double r = reA[k] * reB[k] - imA[k] * imB[k];
                double i = reA[k] * imB[k] + imA[k] * reB[k];
                reA[k] = r;
                imA[k] = i;
            }
            fft.inverse(reA, imA, acf);
            // energy[τ] = Σ_{k=τ+1..τ+W} x[k]², acf[τ] = Σ_{k=1..W} x[k]·x[k+τ]
            double energy0 = Math.abs(cumEnergy[win + 1] - cumEnergy[1]) < 1e-6 ? 0 : cumEnergy[win + 1] - cumEnergy[1];
            for (int tau = 0; tau < lags; tau++) {
                double c = acf[win + tau];
                if (Math.abs(c) < 1e-6) {
                    c = 0;
                }
                double e = cumEnergy[win + tau + 1] - cumEnergy[tau + 1];
                if (Math.abs(e) < 1e-6) {
                    e = 0;
                }
                diff[tau] = energy0 + e - 2 * c;
            }
            double running = 0;
            for (int tau = 1; tau <= maxPeriod; tau++) {
                running += diff[tau];
                if (tau >= minPeriod) {
                    double mean = running / tau;
                    cmnd[tau - minPeriod] = diff[tau] / (mean + Double.MIN_NORMAL);
                }
            }
            int idx = -1;
            for (int i = 0; i < span; i++) {
                boolean isTrough = i == 0 ? span > 1 && cmnd[0] < cmnd[1]
                    : cmnd[i] < cmnd[i - 1] && (i == span - 1 || cmnd[i] <= cmnd[i + 1]);
                if (isTrough && cmnd[i] < troughThreshold) {
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
            voiced[t] = foundTrough && energy0 > SILENCE_ENERGY;
        }
        return new Result(f0, voiced, trough);
    }

    /** librosa defaults: C2..C7, frame 2048, hop 512, threshold 0.1, centred. */
    public static Result compute(float[] y, double sr) {
        return compute(y, sr, DEFAULT_FMIN, DEFAULT_FMAX, 2048, 512, DEFAULT_TROUGH_THRESHOLD, true);
    }
}
