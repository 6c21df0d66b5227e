package com.podcastpersonalize.collaborative;

import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.query.QueryBuilder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a collaborative training is asked for, and what it did. */
public final class CollaborativeTraining {

    private CollaborativeTraining() {}

    /**
     * @param filter               which stored events to learn from (null: all), a query on the events index
     * @param maxNeighbours        neighbours kept per episode
     * @param minCoListeners       co-likers two episodes need before they count as neighbours
     * @param maxLikesPerListener  a listener's latest liked episodes used (bounds the quadratic pair count)
     */
    public record Parameters(QueryBuilder filter, int maxNeighbours, int minCoListeners, int maxLikesPerListener) {

        public static final int DEFAULT_MAX_NEIGHBOURS = 100;
        public static final int DEFAULT_MIN_CO_LISTENERS = 1;
        public static final int DEFAULT_MAX_LIKES_PER_LISTENER = 500;

        public Parameters {
            require("max_neighbours", maxNeighbours, 1, 1000);
            require("min_co_listeners", minCoListeners, 1, 1_000_000);
            require("max_likes_per_listener", maxLikesPerListener, 2, 10_000);
        }

        public static Parameters defaults() {
            return new Parameters(null, DEFAULT_MAX_NEIGHBOURS, DEFAULT_MIN_CO_LISTENERS, DEFAULT_MAX_LIKES_PER_LISTENER);
        }

        private static void require(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("[" + name + "] must be in [" + min + ", " + max + "], got [" + value + "]");
            }
        }
    }

    /** The figures of a finished training, also kept in the model index's {@code _meta}. */
    public record Result(
        String index,
        long trainedAt,
        long tookMillis,
        long events,
        int listeners,
        int listenersWithLikes,
        int episodesWithNeighbours,
        long neighbourLinks,
        Parameters parameters
    ) implements ToXContentObject {

        Map<String, Object> asMeta() {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("trained_at", trainedAt);
            meta.put("took_ms", tookMillis);
            meta.put("events", events);
            meta.put("listeners", listeners);
            meta.put("listeners_with_likes", listenersWithLikes);
            meta.put("episodes_with_neighbours", episodesWithNeighbours);
            meta.put("neighbour_links", neighbourLinks);
            meta.put("max_neighbours", parameters.maxNeighbours());
            meta.put("min_co_listeners", parameters.minCoListeners());
            meta.put("max_likes_per_listener", parameters.maxLikesPerListener());
            meta.put("filter", parameters.filter() == null ? null : parameters.filter().toString());
            return meta;
        }

        @Override
        public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
            builder.startObject().field("index", index);
            asMeta().forEach((key, value) -> {
                try {
                    if (!"filter".equals(key) || value != null) {
                        builder.field(key, value);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return builder.endObject();
        }
    }
}
