package com.podcastpersonalize.processor.audio.tools;

import com.podcastpersonalize.processor.audio.decode.AudioDecoders;
import com.podcastpersonalize.processor.audio.decode.AudioSource;
import com.podcastpersonalize.processor.audio.decode.DecodeLimits;
import com.podcastpersonalize.processor.audio.decode.ResamplingSource;
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
import com.podcastpersonalize.processor.audio.features.Stft;
import com.podcastpersonalize.processor.audio.features.TempoEstimator;
import com.podcastpersonalize.processor.audio.features.TuningEstimator;
import com.podcastpersonalize.processor.audio.features.Yin;
import com.podcastpersonalize.processor.audio.features.ZeroCrossingRate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Offline tool (not a test): what each stage of the frame-level analysis costs, to see where a full pass spends
 * its time. Reads one 10 s window at 22050 Hz from the middle of an audio file, runs each feature's
 * whole-spectrogram method on it many times and prints the fastest run scaled to an hour of audio (360 windows):
 * the fastest, because on a shared machine every slower run is slower for reasons outside the code.
 * Usage: {@code StageCosts AUDIO_FILE [RUNS]} (default 40 runs), e.g. on the benchmark episode of
 * {@code bin/benchmark audio}; see docs/audio-features.md (Speed).
 */
public final class StageCosts {

    private static final int SR = 22050;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        float[] y = new float[10 * SR];
        try (AudioSource source = ResamplingSource.of(AudioDecoders.open(Path.of(args[0]), DecodeLimits.DEFAULT), SR)) {
            long total = source.totalFrames();
            source.skip(Math.max(0, total / 2 - y.length / 2));
            int pos = 0;
            int n;
            while (pos < y.length && (n = source.read(y, pos, y.length - pos)) > 0) {
                pos += n;
            }
        }
        Stft stft = new Stft(2048, 512);
        double[][] power = stft.power(y);
        double[][] magnitude = Spectrogram.sqrt(power);
        double[] freqs = FftFrequencies.of(SR, 2048);
        double[][] logMel = PowerToDb.compute(MelSpectrogram.fromSpectrogram(power, MelFilterbank.of(SR, 2048, 128)));
        double tuning = TuningEstimator.estimate(power, SR, 0.01, 12);
        double[] onset = OnsetStrength.fromLogMel(logMel, 2048, 512);

        Map<String, Runnable> stages = new LinkedHashMap<>();
        stages.put("STFT |X|²", () -> stft.power(y));
        stages.put("|X| (square root)", () -> Spectrogram.sqrt(power));
        stages.put("mel + dB", () -> PowerToDb.compute(MelSpectrogram.fromSpectrogram(power, MelFilterbank.of(SR, 2048, 128))));
        stages.put("MFCC + delta", () -> Delta.compute(Mfcc.fromLogMel(logMel, 20), 9, 1));
        stages.put("spectral centroid", () -> SpectralCentroid.compute(magnitude, freqs));
        stages.put("spectral bandwidth", () -> SpectralBandwidth.compute(magnitude, freqs, SpectralCentroid.compute(magnitude, freqs), 2.0, true));
        stages.put("spectral rolloff", () -> SpectralRolloff.compute(magnitude, freqs, 0.85));
        stages.put("spectral flatness", () -> SpectralFlatness.fromPower(power, SpectralFlatness.AMIN));
        stages.put("spectral contrast", () -> SpectralContrast.compute(magnitude, freqs, 200, 6, 0.02, false));
        stages.put("tuning estimate", () -> TuningEstimator.estimate(power, SR, 0.01, 12));
        stages.put("chroma", () -> ChromaStft.fromPower(power, SR, tuning));
        stages.put("zero-crossing rate", () -> ZeroCrossingRate.compute(y, 2048, 512, true));
        stages.put("RMS", () -> Rms.compute(y, 2048, 512, true));
        stages.put("onset strength", () -> OnsetStrength.fromLogMel(logMel, 2048, 512));
        stages.put("YIN", () -> Yin.compute(y, SR));
        stages.put("tempogram + tempo", () -> TempoEstimator.estimate(onset, SR, 512));

        Map<String, Double> best = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) { // rounds interleave the stages, so that a busy moment hits them alike
            for (Map.Entry<String, Runnable> stage : stages.entrySet()) {
                for (int warm = 0; warm < 3; warm++) {
                    stage.getValue().run();
                }
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    stage.getValue().run();
                    double hour = (System.nanoTime() - start) / 1e9 * 360;
                    best.merge(stage.getKey(), hour, Math::min);
                }
            }
        }
        double sum = 0;
        System.out.println("| stage | s per hour of audio |");
        System.out.println("|---|---|");
        for (Map.Entry<String, Double> e : best.entrySet()) {
            System.out.println(String.format(Locale.ROOT, "| %s | %.2f |", e.getKey(), e.getValue()));
            sum += e.getValue();
        }
        System.out.println(String.format(Locale.ROOT, "| sum | %.2f |", sum));
    }
}
