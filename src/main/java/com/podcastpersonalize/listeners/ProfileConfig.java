package com.podcastpersonalize.listeners;

import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.common.settings.ClusterSettings;

/** The settings that shape profile updates, read once per request. */
public record ProfileConfig(long longHalfLifeMillis, long shortHalfLifeMillis, int maxInterests, double interestSimilarity, int recentHeardSize) {

    public static ProfileConfig from(ClusterSettings settings) {
        return new ProfileConfig(
            settings.get(PodcastSettings.LISTENERS_LONG_TERM_HALF_LIFE).millis(),
            settings.get(PodcastSettings.LISTENERS_SHORT_TERM_HALF_LIFE).millis(),
            settings.get(PodcastSettings.LISTENERS_MAX_INTERESTS),
            settings.get(PodcastSettings.LISTENERS_INTEREST_SIMILARITY),
            settings.get(PodcastSettings.LISTENERS_RECENT_HEARD_SIZE)
        );
    }
}
