package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.features.ChromaStft;
import com.podcastpersonalize.processor.audio.features.Delta;
import com.podcastpersonalize.processor.audio.features.FftFrequencies;
import com.podcastpersonalize.processor.audio.features.MelFilterbank;
import com.podcastpersonalize.processor.audio.features.MelSpectrogram;
import com.podcastpersonalize.processor.audio.features.Mfcc;
import com.podcastpersonalize.processor.audio.features.OnsetStrength;
import com.podcastpersonalize.processor.audio.features.PowerToDb;
import com.podcastpersonalize.processor.audio.features.Rms;
import com.podcastpersonalize.processor.audio.features.SpectralBandwidth;
import com.podcastpersonalize.processor.audio.features.SpectralCentroid;
import com.podcastpersonalize.processor.audio.features.SpectralContrast;
import com.podcastpersonalize.processor.audio.features.SpectralFlatness;
import com.podcastpersonalize.processor.audio.features.SpectralRolloff;
import com.podcastpersonalize.processor.audio.features.SpectrumKernels;
import com.podcastpersonalize.processor.audio.features.SpeechMusicDiscriminator;
import com.podcastpersonalize.processor.audio.features.Stft;
import com.podcastpersonalize.processor.audio.features.TuningEstimator;
import com.podcastpersonalize.processor.audio.features.Yin;
import com.podcastpersonalize.processor.audio.features.ZeroCrossingRate;

/**
 * Runs every frame-level feature over one window of mono samples at the analysis rate, with librosa's
 * defaults (n_fft 2048, hop 512, centred frames): one STFT shared by the spectral features, the mel
 * spectrogram shared by MFCC and onset strength.
 *
 * <p>The spectral features are taken frame by frame as each |STFT|² row comes out of the FFT, while the row and
 * its square root are still in the processor's cache: centroid, bandwidth, rolloff, flatness, contrast's band
 * extremes, the mel bands and piptrack's peaks for the tuning. Only chroma needs a second pass over the rows,
 * since its filterbank depends on the tuning of the whole window; the top_db floors of the dB conversions are
 * applied once all frames are in. Each feature's per-frame step is the one its whole-spectrogram method (the one
 * the librosa parity tests run) applies to every frame.
 *
 * <p>A window holding a NaN or infinite sample is refused before any feature runs, as librosa refuses such a
 * buffer: the features would otherwise treat it each in its own way (dropped frames, stale extremes).
 *
 * <p>One per analysis (it reuses its buffers from window to window); not thread-safe.
 */
final class WindowAnalysis {

    static final int N_FFT = Stft.DEFAULT_N_FFT;
    static final int HOP = Stft.DEFAULT_HOP;
    static final int BINS = N_FFT / 2 + 1;
    static final int N_MELS = 128;
    static final int N_MFCC = Mfcc.DEFAULT_N_MFCC;

    private final int sr;
    private final SpectrumKernels kernels;
    private final Stft stft;
    private final double[] freqs;
    private final MelSpectrogram.Filters mel;
    private final SpectralContrast.Bands contrastBands;
    private final double[] fftBuffer = new double[N_FFT];
    private final double[] magnitude = new double[BINS];
    private final double[] flatnessWork = new double[BINS];
    private final double[] rolloffWork = new double[BINS];
    private final ZeroCrossingRate.Counter zeroCrossings = new ZeroCrossingRate.Counter();
    // |STFT|² of the current window, kept for chroma's second pass; overwritten by the next window of the same
    // length (FrameFeatures holds only per-frame results)
    private double[][] power = new double[0][];

    WindowAnalysis(int sr) {
        this(sr, SpectrumKernels.best());
    }

    /** With the features' per-bin loops run by {@code kernels} (the tests compare the scalar and the vector ones). */
    WindowAnalysis(int sr, SpectrumKernels kernels) {
        this.sr = sr;
        this.kernels = kernels;
        this.stft = new Stft(N_FFT, HOP, kernels);
        this.freqs = FftFrequencies.of(sr, N_FFT);
        this.mel = new MelSpectrogram.Filters(MelFilterbank.of(sr, N_FFT, N_MELS));
        this.contrastBands = new SpectralContrast.Bands(freqs, SpectralContrast.DEFAULT_FMIN, SpectralContrast.DEFAULT_N_BANDS,
            SpectralContrast.DEFAULT_QUANTILE, kernels);
    }

    FrameFeatures analyze(float[] y) throws NonFiniteSampleException {
        double[] rms = Rms.compute(y, N_FFT, HOP, true);
        checkFinite(y, rms);
        int frames = stft.frames(y.length);
        if (power.length != frames) {
            power = new double[frames][BINS];
        }
        double[][] melPower = new double[frames][N_MELS];
        double[] centroid = new double[frames];
        double[] bandwidth = new double[frames];
        double[] rolloff = new double[frames];
        double[] flatness = new double[frames];
        double[][] peak = new double[frames][SpectralContrast.DEFAULT_N_BANDS + 1];
        double[][] valley = new double[frames][SpectralContrast.DEFAULT_N_BANDS + 1];
        TuningEstimator.Peaks tuningPeaks = new TuningEstimator.Peaks(sr, BINS);
        for (int t = 0; t < frames; t++) {
            double[] p = power[t];
            stft.powerFrame(y, t, p, fftBuffer);
            for (int k = 0; k < BINS; k++) {
                magnitude[k] = Math.sqrt(p[k]);
            }
            mel.frame(p, melPower[t]);
            centroid[t] = SpectralCentroid.frame(magnitude, freqs, kernels);
            bandwidth[t] = SpectralBandwidth.frame(magnitude, freqs, centroid[t], 2.0, true, kernels);
            rolloff[t] = SpectralRolloff.frame(magnitude, freqs, SpectralRolloff.DEFAULT_ROLL_PERCENT, rolloffWork);
            flatness[t] = SpectralFlatness.frameFromPower(p, SpectralFlatness.AMIN, flatnessWork, kernels);
            contrastBands.frame(magnitude, peak[t], valley[t]);
            tuningPeaks.add(p);
        }
        double[][] logMel = PowerToDb.compute(melPower, kernels);
        double[][] mfcc = Mfcc.fromLogMel(logMel, N_MFCC, kernels);
        double[][] delta = mfcc.length >= Delta.DEFAULT_WIDTH ? Delta.compute(mfcc, Delta.DEFAULT_WIDTH, 1) : new double[0][];
        double[][] contrast = SpectralContrast.fromPeaksAndValleys(peak, valley, false, kernels);
        double[][] chroma = ChromaStft.fromPower(power, sr, tuningPeaks.estimate(ChromaStft.TUNING_RESOLUTION, ChromaStft.BINS_PER_OCTAVE), kernels);

        double[] zcr = zeroCrossings.compute(y, N_FFT, HOP, true);
        double[] onset = OnsetStrength.fromLogMel(logMel, N_FFT, HOP);
        Yin.Result pitch = Yin.compute(y, sr, Yin.DEFAULT_FMIN, Yin.DEFAULT_FMAX, N_FFT, HOP, Yin.DEFAULT_TROUGH_THRESHOLD, true, kernels);

        var segments = SpeechMusicDiscriminator.segments(rms, pitch.f0(), pitch.troughValue(), (double) sr / HOP);
        return new FrameFeatures(mfcc, delta, chroma, contrast, centroid, bandwidth, rolloff, flatness, zcr, rms, onset, pitch.f0(),
            pitch.voiced(), segments);
    }

    /**
     * librosa's {@code util.valid_audio} check, without a pass of its own: a frame's Σx² (in double, where no float
     * squared overflows) is finite exactly when all its samples are, and the centred frames cover every sample, so a
     * non-finite RMS value points at the frame holding a NaN or ±Inf. Only then is that frame searched for it.
     */
    private static void checkFinite(float[] y, double[] rms) throws NonFiniteSampleException {
        for (int t = 0; t < rms.length; t++) {
            if (!Double.isFinite(rms[t])) {
                for (int i = Math.max(0, t * HOP - N_FFT / 2); i < Math.min(y.length, t * HOP + N_FFT / 2); i++) {
                    if (!Float.isFinite(y[i])) {
                        throw new NonFiniteSampleException(i, y[i]);
                    }
                }
                throw new IllegalStateException("frame " + t + " has RMS " + rms[t] + " but only finite samples");
            }
        }
    }

    /** The window holds a NaN or ±Inf sample, on which no feature is defined (librosa refuses such audio too). */
    static final class NonFiniteSampleException extends Exception {
        private final int index;
        private final float value;

        NonFiniteSampleException(int index, float value) {
            super("sample " + index + " of the window is " + value);
            this.index = index;
            this.value = value;
        }

        /** Index of the first non-finite sample in the window. */
        int index() {
            return index;
        }

        float value() {
            return value;
        }
    }
}
