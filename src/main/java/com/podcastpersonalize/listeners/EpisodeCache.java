package com.podcastpersonalize.listeners;

import org.opensearch.common.cache.Cache;
import org.opensearch.common.cache.CacheBuilder;
import org.opensearch.common.unit.TimeValue;

/**
 * The features of recently seen episodes, per node, so that a stream of events does not read (and,
 * with k-NN's derived source, rebuild) the same episode vectors again and again. Entries expire
 * after a fixed time, so a re-ingested episode is picked up within that time.
 */
public final class EpisodeCache {

    private final Cache<String, EpisodeFeatures> cache;

    public EpisodeCache(int size, TimeValue expireAfterWrite) {
        this.cache = size == 0 ? null : CacheBuilder.<String, EpisodeFeatures>builder().setMaximumWeight(size).setExpireAfterWrite(expireAfterWrite).build();
    }

    /** The cached features of episode {@code id} of {@code index}, or null. */
    public EpisodeFeatures get(String index, String id) {
        return cache == null ? null : cache.get(key(index, id));
    }

    public void put(String index, String id, EpisodeFeatures features) {
        if (cache != null) {
            cache.put(key(index, id), features);
        }
    }

    private static String key(String index, String id) {
        return index + '\u0000' + id;
    }
}
