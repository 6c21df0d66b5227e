package com.podcastpersonalize.query;

import org.apache.lucene.search.Query;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;

/**
 * Hands a Lucene query already built on a shard to an API that takes its filter as a query
 * builder (the k-NN query builder), so that all candidate sources share one {@link AllowedDocsQuery}.
 * It lives only while the shard builds its query: it is never serialized.
 */
final class ShardLocalQueryBuilder extends AbstractQueryBuilder<ShardLocalQueryBuilder> {

    static final String NAME = "personalize_shard_local";

    private final Query query;

    ShardLocalQueryBuilder(Query query) {
        this.query = query;
    }

    @Override
    protected Query doToQuery(QueryShardContext context) {
        return query;
    }

    @Override
    protected void doWriteTo(StreamOutput out) {
        throw new UnsupportedOperationException("[" + NAME + "] is built on a shard and never sent");
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params params) throws java.io.IOException {
        builder.startObject(NAME).field("query", query.toString()).endObject();
    }

    @Override
    protected boolean doEquals(ShardLocalQueryBuilder other) {
        return query.equals(other.query);
    }

    @Override
    protected int doHashCode() {
        return query.hashCode();
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }
}
