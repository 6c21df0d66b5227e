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
import com.podcastpersonalize.processor.audio.features.SpectrumKernels;
import com.podcastpersonalize.processor.audio.features.Stft;
import com.podcastpersonalize.processor.audio.features.TempoEstimator;
import com.podcastpersonalize.processor.audio.features.TuningEstimator;
import com.podcastpersonalize.processor.audio.features.Yin;
import com.podcastpersonalize.processor.audio.features.ZeroCrossingRate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Offline tool (not a test): what each stage of the frame-level analysis costs, to see where a full pass spends
 * its time. Reads one 10 s window at 22050 Hz from the middle of an audio file, runs each feature's
 * whole-spectrogram method on it many times and prints the fastest run scaled to an hour of audio (360 windows):
 * the fastest, because on a shared machine every slower run is slower for reasons outside the code. Each stage runs
 * with the scalar kernels and with the JVM's best ({@link SpectrumKernels}: the Vector API when the JVM has
 * {@code --add-modules=jdk.incubator.vector}), alternating, in one JVM.
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

        // every stage with the scalar kernels and with the JVM's best (the Vector API when the module is loaded), in
        // one JVM; stages that use no kernels measure the noise between the two columns
        SpectrumKernels[] kernels = {SpectrumKernels.scalar(), SpectrumKernels.best()};
        Map<String, Runnable[]> stages = new LinkedHashMap<>();
        stages.put("STFT |X|²", each(kernels, k -> {
            Stft s = new Stft(2048, 512, k);
            return () -> s.power(y);
        }));
        stages.put("|X| (square root)", same(() -> Spectrogram.sqrt(power)));
        stages.put("mel + dB", same(() -> PowerToDb.compute(MelSpectrogram.fromSpectrogram(power, MelFilterbank.of(SR, 2048, 128)))));
        stages.put("MFCC + delta", each(kernels, k -> () -> Delta.compute(Mfcc.fromLogMel(logMel, 20, k), 9, 1)));
        stages.put("spectral centroid", each(kernels, k -> () -> {
            for (double[] row : magnitude) {
                SpectralCentroid.frame(row, freqs, k);
            }
        }));
        stages.put("spectral bandwidth", each(kernels, k -> () -> {
            for (double[] row : magnitude) {
                SpectralBandwidth.frame(row, freqs, SpectralCentroid.frame(row, freqs, k), 2.0, true, k);
            }
        }));
        stages.put("spectral rolloff", same(() -> SpectralRolloff.compute(magnitude, freqs, 0.85)));
        stages.put("spectral flatness", each(kernels, k -> () -> {
            double[] work = new double[power[0].length];
            for (double[] row : power) {
                SpectralFlatness.frameFromPower(row, SpectralFlatness.AMIN, work, k);
            }
        }));
        stages.put("spectral contrast", each(kernels, k -> () -> {
            SpectralContrast.Bands bands = new SpectralContrast.Bands(freqs, 200, 6, 0.02, k);
            double[][] peak = new double[magnitude.length][7];
            double[][] valley = new double[magnitude.length][7];
            for (int t = 0; t < magnitude.length; t++) {
                bands.frame(magnitude[t], peak[t], valley[t]);
            }
            SpectralContrast.fromPeaksAndValleys(peak, valley, false);
        }));
        stages.put("tuning estimate", same(() -> TuningEstimator.estimate(power, SR, 0.01, 12)));
        stages.put("chroma", each(kernels, k -> () -> ChromaStft.fromPower(power, SR, tuning, k)));
        stages.put("zero-crossing rate", same(() -> ZeroCrossingRate.compute(y, 2048, 512, true)));
        stages.put("RMS", same(() -> Rms.compute(y, 2048, 512, true)));
        stages.put("onset strength", same(() -> OnsetStrength.fromLogMel(logMel, 2048, 512)));
        stages.put("YIN", each(kernels, k -> () -> Yin.compute(y, SR, Yin.DEFAULT_FMIN, Yin.DEFAULT_FMAX, 2048, 512, Yin.DEFAULT_TROUGH_THRESHOLD, true, k)));
        stages.put("tempogram + tempo", same(() -> TempoEstimator.estimate(onset, SR, 512)));

        Map<String, double[]> best = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) { // rounds interleave the stages, so that a busy moment hits them alike
            for (Map.Entry<String, Runnable[]> stage : stages.entrySet()) {
                double[] fastest = best.computeIfAbsent(stage.getKey(), key -> new double[] {Double.MAX_VALUE, Double.MAX_VALUE});
                for (int i = 0; i < runs; i++) {
                    for (int c = 0; c < kernels.length; c++) { // the two alternate run by run
                        Runnable run = stage.getValue()[c];
                        if (i == 0) {
                            for (int warm = 0; warm < 3; warm++) {
                                run.run();
                            }
                        }
                        long start = System.nanoTime();
                        run.run();
                        fastest[c] = Math.min(fastest[c], (System.nanoTime() - start) / 1e9 * 360);
                    }
                }
            }
        }
        double[] sum = new double[kernels.length];
        System.out.println("| stage | " + kernels[0] + ", s per hour of audio | " + kernels[1] + ", s per hour of audio |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, double[]> e : best.entrySet()) {
            double[] v = e.getValue();
            System.out.println(String.format(Locale.ROOT, "| %s | %.2f | %.2f |", e.getKey(), v[0], v[1]));
            sum[0] += v[0];
            sum[1] += v[1];
        }
        System.out.println(String.format(Locale.ROOT, "| sum | %.2f | %.2f |", sum[0], sum[1]));
    }

    private static Runnable[] each(SpectrumKernels[] kernels, Function<SpectrumKernels, Runnable> stage) {
        Runnable[] runs = new Runnable[kernels.length];
        for (int c = 0; c < kernels.length; c++) {
            runs[c] = stage.apply(kernels[c]);
        }
        return runs;
    }

    private static Runnable[] same(Runnable stage) {
        return new Runnable[] {stage, stage};
    }
}
