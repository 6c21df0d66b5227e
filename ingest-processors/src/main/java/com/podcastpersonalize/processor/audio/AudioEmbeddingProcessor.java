package com.podcastpersonalize.processor.audio;

import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.Processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * {@code podcast_audio_embedding}: analyses an episode's audio (librosa-style features over
 * windows spread across the episode) into a unit-length {@value AudioVectorizer#DIMENSION}-d audio
 * vector, and optionally writes named scalar features (tempo, pitch, spectral centroid, speech
 * ratio, ...). Runs on the plugin's audio thread pool; a bad file fails its document alone.
 */
public final class AudioEmbeddingProcessor extends AbstractProcessor {

    public static final String TYPE = "podcast_audio_embedding";

    /** The named scalar features written to {@code features_field} (when the analysis has them). */
    static final List<String> PUBLISHED_FEATURES = List.of(
        FeatureNames.DURATION,
        FeatureNames.ANALYSED,
        FeatureNames.TEMPO,
        FeatureNames.PITCH_MEAN,
        FeatureNames.VOICED_RATIO,
        FeatureNames.SPEECH_RATIO,
        FeatureNames.CENTROID_MEAN,
        "spectral_bandwidth_mean_hz",
        "spectral_rolloff_mean_hz",
        FeatureNames.FLATNESS_MEAN,
        FeatureNames.RMS_MEAN,
        "rms_db_mean",
        FeatureNames.ZCR_MEAN,
        "onset_strength_mean"
    );

    private final String sourceField;
    private final String targetField;
    private final String featuresField;
    private final boolean ignoreMissing;
    private final AudioEmbeddingService.Options options;
    private final Supplier<AudioEmbeddingService> service;

    AudioEmbeddingProcessor(
        String tag,
        String description,
        String sourceField,
        String targetField,
        String featuresField,
        boolean ignoreMissing,
        AudioEmbeddingService.Options options,
        Supplier<AudioEmbeddingService> service
    ) {
        super(tag, description);
        this.sourceField = sourceField;
        this.targetField = targetField;
        this.featuresField = featuresField;
        this.ignoreMissing = ignoreMissing;
        this.options = options;
        this.service = service;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public IngestDocument execute(IngestDocument document) {
        throw new UnsupportedOperationException(TYPE + " runs asynchronously on the plugin's audio pool");
    }

    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        Object value = document.hasField(sourceField) ? document.getFieldValue(sourceField, Object.class) : null;
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (ignoreMissing) {
                handler.accept(document, null);
            } else {
                handler.accept(null, new IllegalArgumentException("field [" + sourceField + "] is missing (set \"ignore_missing\": true to skip it)"));
            }
            return;
        }
        if (!(value instanceof String reference)) {
            handler.accept(null, new IllegalArgumentException("field [" + sourceField + "] must be a string (file: path, http(s) URL or data: URI), but is a " + value.getClass().getSimpleName()));
            return;
        }
        service.get().analyze(reference, options, org.opensearch.core.action.ActionListener.wrap(features -> {
            document.setFieldValue(targetField, toList(features.audioVector()));
            if (featuresField != null) {
                Map<String, Object> named = new LinkedHashMap<>();
                for (String name : PUBLISHED_FEATURES) {
                    Double feature = features.named().get(name);
                    if (feature != null && Double.isFinite(feature)) {
                        named.put(name, feature);
                    }
                }
                document.setFieldValue(featuresField, named);
            }
            handler.accept(document, null);
        }, e -> handler.accept(null, namingTheField(e))));
    }

    // bad audio or a refused source (400s) name the field they came from; rejections (429) and timeouts keep their type
    private Exception namingTheField(Exception e) {
        return e instanceof IllegalArgumentException ? new IllegalArgumentException("field [" + sourceField + "]: " + e.getMessage(), e) : e;
    }

    private static List<Float> toList(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }

    /** Parses and validates the processor's configuration at pipeline creation. */
    public static final class Factory implements Processor.Factory {
        private final Supplier<AudioEmbeddingService> service;

        public Factory(Supplier<AudioEmbeddingService> service) {
            this.service = service;
        }

        @Override
        public AudioEmbeddingProcessor create(Map<String, Processor.Factory> factories, String tag, String description, Map<String, Object> config) {
            String sourceField = ConfigurationUtils.readStringProperty(TYPE, tag, config, "source_field");
            String targetField = ConfigurationUtils.readStringProperty(TYPE, tag, config, "target_field");
            String featuresField = ConfigurationUtils.readOptionalStringProperty(TYPE, tag, config, "features_field");
            boolean ignoreMissing = ConfigurationUtils.readBooleanProperty(TYPE, tag, config, "ignore_missing", false);
            boolean fullPass = ConfigurationUtils.readBooleanProperty(TYPE, tag, config, "full_pass", false);
            Integer windows = ConfigurationUtils.readIntProperty(TYPE, tag, config, "windows", null);
            Double windowSeconds = config.containsKey("window_seconds") ? ConfigurationUtils.readDoubleProperty(TYPE, tag, config, "window_seconds") : null;
            AudioEmbeddingService.Options options = new AudioEmbeddingService.Options(fullPass, windows, windowSeconds);
            try {
                new AnalyzerConfig(AnalyzerConfig.DEFAULT.sampleRate(), windowSeconds == null ? 10.0 : windowSeconds, windows == null ? 6 : windows, fullPass, AnalyzerConfig.DEFAULT.limits());
            } catch (IllegalArgumentException e) {
                throw ConfigurationUtils.newConfigurationException(TYPE, tag, windows != null && (windows < 1 || windows > 1000) ? "windows" : "window_seconds", e.getMessage());
            }
            return new AudioEmbeddingProcessor(tag, description, sourceField, targetField, featuresField, ignoreMissing, options, service);
        }
    }
}
