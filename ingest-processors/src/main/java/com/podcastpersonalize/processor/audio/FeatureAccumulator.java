package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.aggregate.TrackStats;
import com.podcastpersonalize.processor.audio.features.SpeechMusicDiscriminator;
import com.podcastpersonalize.processor.audio.features.TempoEstimator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Aggregates the frame-level features of all analysed windows over time: mean, std and percentiles per
 * scalar track and for pitch, mean and std per coefficient (MFCC, deltas, chroma, contrast), the tempo from
 * the mean tempogram of all windows, the voiced-frame ratio and the speech-segment ratio. Memory is bounded
 * whatever the number of windows. One per analysis; not thread-safe.
 */
final class FeatureAccumulator {

    private static final double RMS_DB_FLOOR = 1e-5; // -100 dBFS

    private final int sampleRate;
    private final Map<String, TrackStats> scalarTracks = new LinkedHashMap<>();
    private final Map<String, TrackStats[]> coefficientTracks = new LinkedHashMap<>();
    private final TempoEstimator.Accumulator tempo;
    private final TrackStats pitch = TrackStats.withPercentiles();
    private long frames;
    private long voicedFrames;
    private long speechSegments;
    private long soundSegments;
    private long analysedSamples;
    private int windows;

    FeatureAccumulator(int sampleRate, int hop) {
        this.sampleRate = sampleRate;
        this.tempo = new TempoEstimator.Accumulator(sampleRate, hop);
    }

    void add(FrameFeatures f, int samples) {
        windows++;
        analysedSamples += samples;
        frames += f.frames();
        scalar("spectral_centroid").addAll(f.centroid());
        scalar("spectral_bandwidth").addAll(f.bandwidth());
        scalar("spectral_rolloff").addAll(f.rolloff());
        scalar("spectral_flatness").addAll(f.flatness());
        scalar("zero_crossing_rate").addAll(f.zcr());
        scalar("rms").addAll(f.rms());
        TrackStats rmsDb = scalar("rms_db");
        for (double r : f.rms()) {
            rmsDb.add(20 * Math.log10(Math.max(RMS_DB_FLOOR, r)));
        }
        scalar("onset_strength").addAll(f.onset());
        coefficients("mfcc", f.mfcc());
        coefficients("mfcc_delta", f.mfccDelta());
        coefficients("chroma", f.chroma());
        coefficients("spectral_contrast", f.contrast());
        for (int t = 0; t < f.frames(); t++) {
            if (f.voiced()[t]) {
                voicedFrames++;
                pitch.add(f.f0()[t]);
            }
        }
        for (SpeechMusicDiscriminator.Segment s : f.segments()) {
            if (!s.silent()) {
                soundSegments++;
                speechSegments += s.speech() ? 1 : 0;
            }
        }
        tempo.add(f.onset());
    }

    long frames() {
        return frames;
    }

    private TrackStats scalar(String name) {
        return scalarTracks.computeIfAbsent(name, k -> TrackStats.withPercentiles());
    }

    private void coefficients(String name, double[][] values) {
        if (values.length == 0) {
            return;
        }
        TrackStats[] stats = coefficientTracks.computeIfAbsent(name, k -> {
            TrackStats[] s = new TrackStats[values[0].length];
            for (int i = 0; i < s.length; i++) {
                s[i] = TrackStats.momentsOnly(); // only mean and std are named and vectorised
            }
            return s;
        });
        for (double[] frame : values) {
            for (int k = 0; k < stats.length; k++) {
                stats[k].add(frame[k]);
            }
        }
    }

    /** All named features. */
    Map<String, Double> result(double durationSeconds) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(FeatureNames.DURATION, durationSeconds);
        out.put(FeatureNames.ANALYSED, (double) analysedSamples / sampleRate);
        out.put(FeatureNames.WINDOWS, (double) windows);
        TempoEstimator.Estimate t = tempo.estimate();
        out.put(FeatureNames.TEMPO, t == null ? 0.0 : t.refinedBpm());
        out.put(FeatureNames.TEMPO_LIBROSA, t == null ? 0.0 : t.librosaBpm());
        putStats(out, "pitch", pitch, true);
        out.put(FeatureNames.VOICED_RATIO, frames == 0 ? 0.0 : (double) voicedFrames / frames);
        out.put(FeatureNames.SPEECH_RATIO, soundSegments == 0 ? 0.0 : (double) speechSegments / soundSegments);
        for (Map.Entry<String, TrackStats> e : scalarTracks.entrySet()) {
            boolean hz = e.getKey().startsWith("spectral_") && !e.getKey().equals("spectral_flatness");
            putStats(out, e.getKey(), e.getValue(), hz);
        }
        for (Map.Entry<String, TrackStats[]> e : coefficientTracks.entrySet()) {
            TrackStats[] s = e.getValue();
            for (int k = 0; k < s.length; k++) {
                out.put(e.getKey() + "_" + k + "_mean", s[k].mean());
                out.put(e.getKey() + "_" + k + "_std", s[k].std());
            }
        }
        return out;
    }

    private static void putStats(Map<String, Double> out, String track, TrackStats s, boolean hz) {
        out.put(FeatureNames.stat(track, "mean", hz), s.mean());
        out.put(FeatureNames.stat(track, "std", hz), s.std());
        out.put(FeatureNames.stat(track, "p10", hz), s.percentile(10));
        out.put(FeatureNames.stat(track, "p50", hz), s.percentile(50));
        out.put(FeatureNames.stat(track, "p90", hz), s.percentile(90));
    }
}
