package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.AudioDecoders;
import com.podcastpersonalize.processor.audio.decode.AudioSource;
import com.podcastpersonalize.processor.audio.decode.DecodeLimits;
import com.podcastpersonalize.processor.audio.decode.ResamplingSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offline tool (not a test): the CPU time of the frame-level analysis alone, as the analyzer runs it (10 s windows
 * through {@link WindowAnalysis}, aggregated by {@link FeatureAccumulator}), on audio already decoded and
 * resampled into memory, so that neither decoding nor disk reads are in the figure. Prints each run's CPU seconds
 * of this thread scaled to an hour of audio, and a hash of the exact bits of all features of the run, so that a
 * change that moves any value shows. Usage: {@code AnalysisCost AUDIO_FILE [MINUTES] [RUNS]} (default 10 minutes from a third of the way in,
 * 12 runs), e.g. on the benchmark episode of {@code bin/benchmark audio}; see docs/audio-features.md (Speed).
 */
public final class AnalysisCost {

    private static final int SR = 22050;
    private static final int WINDOW = 10 * SR;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A hash of every feature's exact bits, in name order: equal hashes mean (all but surely) bit-identical features. */
    private static int bitsHash(Map<String, Double> features) {
        int h = 1;
        for (Map.Entry<String, Double> e : new TreeMap<>(features).entrySet()) {
            h = 31 * (31 * h + e.getKey().hashCode()) + Long.hashCode(Double.doubleToLongBits(e.getValue()));
        }
        return h;
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        float[] y = new float[minutes * 60 * SR];
        try (AudioSource source = ResamplingSource.of(AudioDecoders.open(Path.of(args[0]), DecodeLimits.DEFAULT), SR)) {
            source.skip(source.totalFrames() / 3);
            int pos = 0;
            int n;
            while (pos < y.length && (n = source.read(y, pos, y.length - pos)) > 0) {
                pos += n;
            }
        }
        float[] window = new float[WINDOW];
        for (int run = 0; run < runs; run++) {
            long start = THREADS.getCurrentThreadCpuTime();
            FeatureAccumulator accumulator = new FeatureAccumulator(SR, WindowAnalysis.HOP);
            WindowAnalysis analysis = new WindowAnalysis(SR);
            for (int off = 0; off + WINDOW <= y.length; off += WINDOW) {
                System.arraycopy(y, off, window, 0, WINDOW);
                accumulator.add(analysis.analyze(window), WINDOW);
            }
            Map<String, Double> features = accumulator.result(minutes * 60.0);
            double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.3f s CPU per hour of audio; %d features, bits hash %08x; tempo %.4f, mfcc_1 mean %.9f%n",
                run, seconds * 60 / minutes, features.size(), bitsHash(features), features.get(FeatureNames.TEMPO), features.get("mfcc_1_mean"));
        }
    }
}
