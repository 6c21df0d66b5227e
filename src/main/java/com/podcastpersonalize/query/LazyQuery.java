package com.podcastpersonalize.query;

import org.apache.lucene.search.Query;

import java.io.IOException;

/**
 * A candidate source's Lucene query, built on first use. A shard turns the {@code personalize}
 * clause into its Lucene query twice (for the query phase, and again for the fetch phase, which
 * runs none of it), and the query phase itself runs only some of the k-NN searches it could
 * (see {@link InterestCandidates}); building each k-NN query costs the k-NN plugin's validation
 * and copying, so only the ones run are built. One instance serves one shard request, on one thread.
 */
final class LazyQuery {

    /** Builds the query; null when the source does not apply after all. */
    @FunctionalInterface
    interface Builder {
        Query build() throws IOException;
    }

    private final Builder builder;
    private Query query;
    private boolean built;

    private LazyQuery(Builder builder) {
        this.builder = builder;
    }

    static LazyQuery of(Builder builder) {
        return new LazyQuery(builder);
    }

    /** A query built already. */
    static LazyQuery ready(Query query) {
        LazyQuery lazy = new LazyQuery(() -> query);
        lazy.query = query;
        lazy.built = true;
        return lazy;
    }

    /** The query, built now if it was not yet; null when the builder found it does not apply. */
    Query get() throws IOException {
        if (built == false) {
            query = builder.build();
            built = true;
        }
        return query;
    }
}
