package com.podcastpersonalize.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values built once per key on first use (models, label embeddings). Concurrent first users wait
 * for the same build; a failed build is not remembered, so the next call tries again.
 */
final class LoadOnce<T> {

    @FunctionalInterface
    interface Loader<T> {
        T load() throws Exception;
    }

    private final Map<String, T> values = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    T get(String key, Loader<T> loader) throws Exception {
        T value = values.get(key);
        if (value != null) {
            return value;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            value = values.get(key);
            if (value == null) {
                value = loader.load();
                values.put(key, value);
            }
            return value;
        }
    }

    /** The value if it was built already, else null; never builds. */
    T peek(String key) {
        return values.get(key);
    }

    Map<String, T> loaded() {
        return Map.copyOf(values);
    }
}
