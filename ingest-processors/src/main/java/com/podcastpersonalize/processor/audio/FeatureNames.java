package com.podcastpersonalize.processor.audio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Names of the aggregated features. Scalar tracks get {@code <track>_<stat>[_hz]} for stat in mean, std,
 * p10, p50, p90; coefficient tracks get {@code <track>_<k>_mean} and {@code _std}. {@link #VECTOR} is the
 * fixed, ordered subset (96 names) that {@link AudioVectorizer} turns into the audio vector, in
 * {@link #VECTOR_GROUPS} families.
 */
public final class FeatureNames {

    public static final String DURATION = "duration_s";
    public static final String ANALYSED = "analysed_s";
    public static final String WINDOWS = "windows";
    public static final String TEMPO = "tempo_bpm";
    public static final String TEMPO_LIBROSA = "tempo_librosa_bpm";
    public static final String PITCH_MEAN = "pitch_mean_hz";
    public static final String VOICED_RATIO = "voiced_ratio";
    public static final String SPEECH_RATIO = "speech_ratio";
    public static final String CENTROID_MEAN = "spectral_centroid_mean_hz";
    public static final String RMS_MEAN = "rms_mean";
    public static final String ZCR_MEAN = "zero_crossing_rate_mean";
    public static final String FLATNESS_MEAN = "spectral_flatness_mean";

    static final String[] STATS = {"mean", "std", "p10", "p50", "p90"};

    /** A family of vector components; each family gets the same total weight in the vector. */
    public record Group(String name, List<String> members) {}

    public static final List<Group> VECTOR_GROUPS;
    public static final List<String> VECTOR;

    static {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("mfcc_mean", coefficients("mfcc", 20, "mean")));
        groups.add(new Group("mfcc_std", coefficients("mfcc", 20, "std")));
        groups.add(new Group("mfcc_delta_std", coefficients("mfcc_delta", 20, "std")));
        groups.add(new Group("chroma", coefficients("chroma", 12, "mean")));
        groups.add(new Group("spectral_contrast", coefficients("spectral_contrast", 7, "mean")));
        groups.add(new Group("spectral_shape", List.of(
            "spectral_centroid_mean_hz", "spectral_centroid_std_hz", "spectral_bandwidth_mean_hz", "spectral_bandwidth_std_hz",
            "spectral_rolloff_mean_hz", "spectral_rolloff_std_hz", "spectral_flatness_mean", "spectral_flatness_std")));
        groups.add(new Group("dynamics", List.of(
            "zero_crossing_rate_mean", "zero_crossing_rate_std", "rms_db_mean", "rms_db_std", "onset_strength_mean")));
        groups.add(new Group("rhythm_pitch_speech", List.of(TEMPO, PITCH_MEAN, VOICED_RATIO, SPEECH_RATIO)));
        VECTOR_GROUPS = Collections.unmodifiableList(groups);
        List<String> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.members()));
        VECTOR = Collections.unmodifiableList(all);
    }

    private FeatureNames() {}

    static List<String> coefficients(String track, int n, String stat) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(track + "_" + k + "_" + stat);
        }
        return out;
    }

    static String stat(String track, String stat, boolean hz) {
        return track + "_" + stat + (hz ? "_hz" : "");
    }
}
