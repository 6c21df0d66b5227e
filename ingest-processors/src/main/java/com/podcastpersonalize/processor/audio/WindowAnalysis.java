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
import com.podcastpersonalize.processor.audio.features.Spectrogram;
import com.podcastpersonalize.processor.audio.features.SpeechMusicDiscriminator;
import com.podcastpersonalize.processor.audio.features.Stft;
import com.podcastpersonalize.processor.audio.features.Yin;
import com.podcastpersonalize.processor.audio.features.ZeroCrossingRate;

/**
 * Runs every frame-level feature over one window of mono samples at the analysis rate, with librosa's
 * defaults (n_fft 2048, hop 512, centred frames): one STFT shared by the spectral features, the mel
 * spectrogram shared by MFCC and onset strength. One per analysis (it reuses its spectrogram buffers from window to
 * window); not thread-safe.
 */
final class WindowAnalysis {

    static final int N_FFT = Stft.DEFAULT_N_FFT;
    static final int HOP = Stft.DEFAULT_HOP;
    static final int N_MELS = 128;
    static final int N_MFCC = Mfcc.DEFAULT_N_MFCC;

    private final int sr;
    // |STFT|² and |STFT| of the last window, overwritten by the next one of the same length (they do not
    // outlive the call: FrameFeatures holds only per-frame results); saves allocating 7 MB per 10 s window
    private double[][] power;
    private double[][] magnitude;

    WindowAnalysis(int sr) {
        this.sr = sr;
    }

    FrameFeatures analyze(float[] y) {
        power = new Stft(N_FFT, HOP).power(y, power);
        magnitude = Spectrogram.sqrt(power, magnitude);
        double[] freqs = FftFrequencies.of(sr, N_FFT);

        double[][] logMel = PowerToDb.compute(MelSpectrogram.fromSpectrogram(power, MelFilterbank.of(sr, N_FFT, N_MELS)));
        double[][] mfcc = Mfcc.fromLogMel(logMel, N_MFCC);
        double[][] delta = mfcc.length >= Delta.DEFAULT_WIDTH ? Delta.compute(mfcc, Delta.DEFAULT_WIDTH, 1) : new double[0][];

        double[] centroid = SpectralCentroid.compute(magnitude, freqs);
        double[] bandwidth = SpectralBandwidth.compute(magnitude, freqs, centroid, 2.0, true);
        double[] rolloff = SpectralRolloff.compute(magnitude, freqs, SpectralRolloff.DEFAULT_ROLL_PERCENT);
        double[] flatness = SpectralFlatness.fromPower(power, SpectralFlatness.AMIN);
        double[][] contrast = SpectralContrast.compute(magnitude, freqs, SpectralContrast.DEFAULT_FMIN, SpectralContrast.DEFAULT_N_BANDS,
            SpectralContrast.DEFAULT_QUANTILE, false);
        double[][] chroma = ChromaStft.fromPower(power, sr, Double.NaN);

        double[] zcr = ZeroCrossingRate.compute(y, N_FFT, HOP, true);
        double[] rms = Rms.compute(y, N_FFT, HOP, true);
        double[] onset = OnsetStrength.fromLogMel(logMel, N_FFT, HOP);
        Yin.Result pitch = Yin.compute(y, sr, Yin.DEFAULT_FMIN, Yin.DEFAULT_FMAX, N_FFT, HOP, Yin.DEFAULT_TROUGH_THRESHOLD, true);

        var segments = SpeechMusicDiscriminator.segments(rms, pitch.f0(), pitch.troughValue(), (double) sr / HOP);
        return new FrameFeatures(mfcc, delta, chroma, contrast, centroid, bandwidth, rolloff, flatness, zcr, rms, onset, pitch.f0(),
            pitch.voiced(), segments);
    }
}
