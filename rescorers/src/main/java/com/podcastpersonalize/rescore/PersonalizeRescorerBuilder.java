package com.podcastpersonalize.rescore;

import com.podcastpersonalize.query.ListenerInterests;
import com.podcastpersonalize.query.PersonalizeRewrite;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.rescore.RescoreContext;
import org.opensearch.search.rescore.RescorerBuilder;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code personalize} rescorer:
 *
 * <pre>"rescore": {"window_size": 100, "personalize": {"listener_id": "u42", "interest_weight": 0.5,
 *   "freshness_field": "published_at", "popularity_field": "play_count", "sequence_weight": 1}}</pre>
 *
 * The listener's interests are fetched once, asynchronously, while the request is rewritten on the
 * coordinating node, and shipped to the shards with the rescorer.
 */
public final class PersonalizeRescorerBuilder extends RescorerBuilder<PersonalizeRescorerBuilder> {

    public static final String NAME = "personalize";
    /**
     * The original score that counts as one half: about a good BM25 match on title and
     * description. A fixed transform (not the window's best score) keeps scores comparable across
     * shards and lets explain give the same value as the search.
     */
    static final float DEFAULT_QUERY_PIVOT = 5f;

    private static final ParseField LISTENER_ID = new ParseField("listener_id");
    private static final ParseField QUERY_WEIGHT = new ParseField("query_weight");
    private static final ParseField QUERY_PIVOT = new ParseField("query_pivot");
    private static final ParseField INTEREST_WEIGHT = new ParseField("interest_weight");
    private static final ParseField VECTOR_FIELD = new ParseField("vector_field");
    private static final ParseField FRESHNESS_FIELD = new ParseField("freshness_field");
    private static final ParseField FRESHNESS_WEIGHT = new ParseField("freshness_weight");
    private static final ParseField FRESHNESS_HALF_LIFE = new ParseField("freshness_half_life");
    private static final ParseField POPULARITY_FIELD = new ParseField("popularity_field");
    private static final ParseField POPULARITY_WEIGHT = new ParseField("popularity_weight");
    private static final ParseField POPULARITY_PIVOT = new ParseField("popularity_pivot");
    private static final ParseField COLLABORATIVE_WEIGHT = new ParseField("collaborative_weight");
    private static final ParseField SEQUENCE_WEIGHT = new ParseField("sequence_weight");

    private final String listenerId;
    private final PersonalizeRescoreSettings settings;
    private final ListenerInterests interests;
    private final transient Supplier<ListenerInterests> pendingInterests;

    PersonalizeRescorerBuilder(String listenerId, PersonalizeRescoreSettings settings, ListenerInterests interests, Supplier<ListenerInterests> pending) {
        if (listenerId == null || listenerId.isBlank()) {
            throw new IllegalArgumentException("[" + NAME + "] rescorer requires a non-empty [listener_id]");
        }
        this.listenerId = listenerId;
        this.settings = settings;
        this.interests = interests;
        this.pendingInterests = pending;
    }

    public PersonalizeRescorerBuilder(StreamInput in) throws IOException {
        super(in);
        listenerId = in.readString();
        settings = new PersonalizeRescoreSettings(in);
        interests = in.readOptionalWriteable(ListenerInterests::new);
        pendingInterests = null;
    }

    @Override
    protected void doWriteTo(StreamOutput out) throws IOException {
        if (pendingInterests != null) {
            throw new IllegalStateException("the personalize rescorer must be rewritten before it is sent to the shards");
        }
        out.writeString(listenerId);
        settings.writeTo(out);
        out.writeOptionalWriteable(interests);
    }

    public static PersonalizeRescorerBuilder fromXContent(XContentParser parser) throws IOException {
        String listenerId = null;
        float queryWeight = 1f;
        float queryPivot = DEFAULT_QUERY_PIVOT;
        float interestWeight = 0.5f;
        String vectorField = "text_vector";
        String freshnessField = null;
        float freshnessWeight = 0.2f;
        TimeValue halfLife = TimeValue.timeValueDays(30);
        String popularityField = null;
        float popularityWeight = 0.1f;
        float popularityPivot = 1000f;
        float collaborativeWeight = 0.3f;
        float sequenceWeight = 0f; // as the query's weights.sequence: off unless asked for
        String current = null;
        XContentParser.Token token;
        try {
            while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
                if (token == XContentParser.Token.FIELD_NAME) {
                    current = parser.currentName();
                } else if (!token.isValue()) {
                    throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] rescorer: [" + current + "] must be a value");
                } else if (LISTENER_ID.match(current, parser.getDeprecationHandler())) {
                    listenerId = parser.text();
                } else if (QUERY_WEIGHT.match(current, parser.getDeprecationHandler())) {
                    queryWeight = parser.floatValue();
                } else if (QUERY_PIVOT.match(current, parser.getDeprecationHandler())) {
                    queryPivot = parser.floatValue();
                } else if (INTEREST_WEIGHT.match(current, parser.getDeprecationHandler())) {
                    interestWeight = parser.floatValue();
                } else if (VECTOR_FIELD.match(current, parser.getDeprecationHandler())) {
                    vectorField = parser.text();
                } else if (FRESHNESS_FIELD.match(current, parser.getDeprecationHandler())) {
                    freshnessField = parser.text();
                } else if (FRESHNESS_WEIGHT.match(current, parser.getDeprecationHandler())) {
                    freshnessWeight = parser.floatValue();
                } else if (FRESHNESS_HALF_LIFE.match(current, parser.getDeprecationHandler())) {
                    halfLife = TimeValue.parseTimeValue(parser.text(), FRESHNESS_HALF_LIFE.getPreferredName());
                } else if (POPULARITY_FIELD.match(current, parser.getDeprecationHandler())) {
                    popularityField = parser.text();
                } else if (POPULARITY_WEIGHT.match(current, parser.getDeprecationHandler())) {
                    popularityWeight = parser.floatValue();
                } else if (POPULARITY_PIVOT.match(current, parser.getDeprecationHandler())) {
                    popularityPivot = parser.floatValue();
                } else if (COLLABORATIVE_WEIGHT.match(current, parser.getDeprecationHandler())) {
                    collaborativeWeight = parser.floatValue();
                } else if (SEQUENCE_WEIGHT.match(current, parser.getDeprecationHandler())) {
                    sequenceWeight = parser.floatValue();
                } else {
                    throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] rescorer: unknown field [" + current + "]");
                }
            }
            PersonalizeRescoreSettings settings = new PersonalizeRescoreSettings(
                queryWeight,
                queryPivot,
                interestWeight,
                vectorField,
                freshnessField,
                freshnessField == null ? 0 : freshnessWeight,
                halfLife,
                popularityField,
                popularityField == null ? 0 : popularityWeight,
                popularityPivot,
                collaborativeWeight,
                sequenceWeight
            );
            return new PersonalizeRescorerBuilder(listenerId, settings, null, null);
        } catch (IllegalArgumentException e) {
            throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
        }
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject(NAME);
        builder.field(LISTENER_ID.getPreferredName(), listenerId);
        builder.field(QUERY_WEIGHT.getPreferredName(), settings.queryWeight());
        builder.field(QUERY_PIVOT.getPreferredName(), settings.queryPivot());
        builder.field(INTEREST_WEIGHT.getPreferredName(), settings.interestWeight());
        builder.field(VECTOR_FIELD.getPreferredName(), settings.vectorField());
        if (settings.freshnessField() != null) {
            builder.field(FRESHNESS_FIELD.getPreferredName(), settings.freshnessField());
            builder.field(FRESHNESS_WEIGHT.getPreferredName(), settings.freshnessWeight());
            builder.field(FRESHNESS_HALF_LIFE.getPreferredName(), settings.freshnessHalfLife().getStringRep());
        }
        if (settings.popularityField() != null) {
            builder.field(POPULARITY_FIELD.getPreferredName(), settings.popularityField());
            builder.field(POPULARITY_WEIGHT.getPreferredName(), settings.popularityWeight());
            builder.field(POPULARITY_PIVOT.getPreferredName(), settings.popularityPivot());
        }
        builder.field(COLLABORATIVE_WEIGHT.getPreferredName(), settings.collaborativeWeight());
        builder.field(SEQUENCE_WEIGHT.getPreferredName(), settings.sequenceWeight());
        builder.endObject();
    }

    @Override
    public RescorerBuilder<PersonalizeRescorerBuilder> rewrite(QueryRewriteContext context) throws IOException {
        if (interests != null) {
            return this;
        }
        if (pendingInterests != null) {
            ListenerInterests loaded = pendingInterests.get();
            return loaded == null ? this : copyWith(loaded, null);
        }
        return copyWith(null, PersonalizeRewrite.loadInterests(context, listenerId, settings.collaborativeWeight() > 0, settings.sequenceWeight()));
    }

    private PersonalizeRescorerBuilder copyWith(ListenerInterests loaded, Supplier<ListenerInterests> pending) {
        PersonalizeRescorerBuilder copy = new PersonalizeRescorerBuilder(listenerId, settings, loaded, pending);
        if (windowSize() != null) {
            copy.windowSize(windowSize());
        }
        return copy;
    }

    @Override
    protected RescoreContext innerBuildContext(int windowSize, QueryShardContext context) {
        if (interests == null) {
            throw new IllegalStateException("[" + NAME + "] rescorer reached a shard before it was rewritten");
        }
        MappedFieldType vector = context.fieldMapper(settings.vectorField());
        if (vector != null && !"knn_vector".equals(vector.typeName())) {
            throw new IllegalArgumentException("[" + NAME + "] rescorer: [vector_field] [" + settings.vectorField() + "] is a [" + vector.typeName() + "] field, not a [knn_vector] field");
        }
        if (settings.freshnessField() != null) {
            MappedFieldType date = context.fieldMapper(settings.freshnessField());
            if (date != null && !"date".equals(date.typeName())) {
                throw new IllegalArgumentException("[" + NAME + "] rescorer: [freshness_field] [" + settings.freshnessField() + "] is a [" + date.typeName() + "] field, not a [date] field");
            }
        }
        boolean floating = false;
        if (settings.popularityField() != null) {
            MappedFieldType popularity = context.fieldMapper(settings.popularityField());
            if (popularity != null && !Set.of("long", "integer", "short", "byte", "float", "double", "half_float").contains(popularity.typeName())) {
                throw new IllegalArgumentException("[" + NAME + "] rescorer: [popularity_field] [" + settings.popularityField() + "] is a [" + popularity.typeName() + "] field, not a number");
            }
            floating = popularity != null && Set.of("float", "double", "half_float").contains(popularity.typeName());
        }
        return new PersonalizeRescorer.Context(windowSize, settings, interests, floating, context.nowInMillis());
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }

    @Override
    public boolean equals(Object other) {
        if (!super.equals(other)) {
            return false;
        }
        PersonalizeRescorerBuilder that = (PersonalizeRescorerBuilder) other;
        return listenerId.equals(that.listenerId) && settings.equals(that.settings) && Objects.equals(interests, that.interests);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), listenerId, settings);
    }
}
