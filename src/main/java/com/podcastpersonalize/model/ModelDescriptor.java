package com.podcastpersonalize.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One text embedding model as described in {@code models.yml}: where its files are, which DJL
 * engine runs it, and how token vectors become one sentence vector.
 *
 * @param name         the name pipelines and requests use
 * @param engine       DJL engine name ({@code OnnxRuntime} for ONNX files, {@code PyTorch} for TorchScript)
 * @param modelFile    where the model file is ({@code classpath:NAME} or a path relative to the models file)
 * @param tokenizerFile where the HuggingFace {@code tokenizer.json} is (same forms)
 * @param dimension    length of the output vector
 * @param pooling      how token vectors are pooled into one vector
 * @param normalize    whether the pooled vector is scaled to unit length
 * @param maxTokens    most tokens (including special tokens) one model call takes
 * @param queryPrefix  text put before a query (not before documents), "" when the model wants none
 * @param license      the model's license, shown by the info API
 */
public record ModelDescriptor(
    String name,
    String engine,
    String modelFile,
    String tokenizerFile,
    int dimension,
    Pooling pooling,
    boolean normalize,
    int maxTokens,
    String queryPrefix,
    String license
) {

    /** How token vectors become one sentence vector. */
    public enum Pooling {
        /** the first ([CLS]) token's vector, as BGE models are trained */
        CLS,
        /** the attention-masked mean of all token vectors, as sentence-transformers MiniLM models are trained */
        MEAN;

        static Pooling parse(String modelName, Object value) {
            try {
                return valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model [" + modelName + "]: pooling must be one of [cls, mean], got [" + value + "]");
            }
        }
    }

    public ModelDescriptor {
        Objects.requireNonNull(name, "name");
        if (dimension < 1 || dimension > 16_000) {
            throw new IllegalArgumentException("model [" + name + "]: dimension must be in [1, 16000], got [" + dimension + "]");
        }
        if (maxTokens < 8 || maxTokens > 8192) {
            throw new IllegalArgumentException("model [" + name + "]: max_tokens must be in [8, 8192], got [" + maxTokens + "]");
        }
    }

    /** Builds a descriptor from one entry of the {@code models} map of {@code models.yml}. */
    static ModelDescriptor fromMap(String name, Map<String, Object> map) {
        return new ModelDescriptor(
            name,
            requiredString(name, map, "engine"),
            requiredString(name, map, "model_file"),
            requiredString(name, map, "tokenizer_file"),
            intValue(name, map, "dimension", null),
            Pooling.parse(name, map.getOrDefault("pooling", "mean")),
            Boolean.parseBoolean(String.valueOf(map.getOrDefault("normalize", "true"))),
            intValue(name, map, "max_tokens", 512),
            String.valueOf(map.getOrDefault("query_prefix", "")),
            String.valueOf(map.getOrDefault("license", "unknown"))
        );
    }

    private static String requiredString(String model, Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("model [" + model + "]: [" + key + "] is required");
        }
        return String.valueOf(value);
    }

    private static int intValue(String model, Map<String, Object> map, String key, Integer defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            if (defaultValue == null) {
                throw new IllegalArgumentException("model [" + model + "]: [" + key + "] is required");
            }
            return defaultValue;
        }
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model [" + model + "]: [" + key + "] must be an integer, got [" + value + "]");
        }
    }
}
