package com.podcastpersonalize.processor.audio.tools;

import com.podcastpersonalize.processor.audio.AnalyzerConfig;
import com.podcastpersonalize.processor.audio.AudioAnalyzer;
import com.podcastpersonalize.processor.audio.AudioFeatures;
import com.podcastpersonalize.processor.audio.FeatureNames;
import com.podcastpersonalize.processor.audio.aggregate.RunningStats;
import com.podcastpersonalize.processor.audio.decode.AudioInput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Offline tool (not a test): computes the mean and population standard deviation of every audio-vector
 * aggregate over a corpus of audio files and writes them as the standardizer's JSON.
 * Usage: {@code FeatureStatsBuilder CORPUS_DIR OUTPUT_JSON} (see docs/audio-features.md (Standardizer statistics)).
 */
public final class FeatureStatsBuilder {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().matches(".*\\.(wav|mp3|flac|ogg)")).sorted().toList();
        }
        AudioAnalyzer analyzer = new AudioAnalyzer(AnalyzerConfig.DEFAULT, null);
        List<String> names = FeatureNames.VECTOR;
        RunningStats[] stats = new RunningStats[names.size()];
        for (int i = 0; i < stats.length; i++) {
            stats[i] = new RunningStats();
        }
        int speech = 0;
        for (Path f : files) {
            AudioFeatures features = analyzer.analyze(AudioInput.of(f));
            double[] v = features.vectorInputs();
            for (int i = 0; i < v.length; i++) {
                stats[i].add(v[i]);
            }
            speech += f.getFileName().toString().startsWith("speech") ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-32s speech_ratio %.2f tempo %.1f pitch %.1f%n", f.getFileName(), features.get(FeatureNames.SPEECH_RATIO),
                features.get(FeatureNames.TEMPO), features.get(FeatureNames.PITCH_MEAN));
        }
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"description\": \"Mean and population standard deviation of each audio_vector aggregate (FeatureNames.VECTOR), used to z-score them. ")
            .append("Computed by FeatureStatsBuilder with AnalyzerConfig.DEFAULT (22050 Hz, 6 windows of 10 s) over a synthetic corpus: see docs/audio-features.md (Standardizer statistics).\",\n");
        json.append("  \"corpus\": \"ingest-processors/src/test/scripts/make-audio-stats-corpus.sh: espeak-ng speech (10 voices incl. de/fr/es/it, 3 texts each, ")
            .append("16/22.05/44.1 kHz), sox music (chords, melodies at 80-180 BPM, kick/hat/bass grooves at 90-150 BPM, pads, a sweep, brown noise), ")
            .append("speech over music beds, some as 96 kbps MP3\",\n");
        json.append("  \"files\": ").append(files.size()).append(",\n");
        json.append("  \"speech_files\": ").append(speech).append(",\n");
        json.append("  \"features\": {\n");
        for (int i = 0; i < names.size(); i++) {
            json.append(String.format(Locale.ROOT, "    \"%s\": {\"mean\": %.8g, \"std\": %.8g}%s%n", names.get(i), stats[i].mean(), stats[i].std(),
                i + 1 < names.size() ? "," : ""));
        }
        json.append("  }\n}\n");
        Files.writeString(output, json.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + output + " from " + files.size() + " files");
    }
}
