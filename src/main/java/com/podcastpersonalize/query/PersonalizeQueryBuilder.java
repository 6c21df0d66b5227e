package com.podcastpersonalize.query;

import com.podcastpersonalize.ranker.RankerModel;
import com.podcastpersonalize.ranker.RankerModelCodec;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.MultiMatchQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.knn.index.mapper.KNNVectorFieldType;
import org.opensearch.knn.index.query.KNNQueryBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code personalize} query clause: episodes ranked for one listener.
 *
 * <pre>{"personalize": {"listener_id": "u42", "query_text": "history of jazz",
 *   "text_fields": ["title^2", "description"], "vector_field": "text_vector", "audio_vector_field": "audio_vector",
 *   "k": 100, "weights": {"lexical": 0.3, "semantic": 0.3, "interest": 0.4}, "exclude_heard": true,
 *   "filter": {"term": {"language": "en"}}}}</pre>
 *
 * <p>On the coordinating node, rewrite fetches the listener's interests and embeds {@code query_text}
 * asynchronously (no search thread waits on I/O); the shards receive both with the query and run
 * {@link PersonalizeQuery}. The strategy used (interests, declared topics, popularity) is returned
 * in the {@value PersonalizeRewrite#STRATEGY_HEADER} response header and in explanations.
 */
public final class PersonalizeQueryBuilder extends AbstractQueryBuilder<PersonalizeQueryBuilder> {

    public static final String NAME = "personalize";
    static final int MAX_K = 10_000;
    static final int MAX_LISTENER_ID_LENGTH = 512;
    /** The k-NN plugin's largest dimension. */
    static final int MAX_VECTOR_DIMENSION = 16_000;

    private static final ParseField LISTENER_ID = new ParseField("listener_id");
    private static final ParseField QUERY_TEXT = new ParseField("query_text");
    private static final ParseField QUERY_VECTOR = new ParseField("query_vector");
    private static final ParseField TEXT_FIELDS = new ParseField("text_fields");
    private static final ParseField VECTOR_FIELD = new ParseField("vector_field");
    private static final ParseField AUDIO_VECTOR_FIELD = new ParseField("audio_vector_field");
    private static final ParseField K = new ParseField("k");
    private static final ParseField WEIGHTS = new ParseField("weights");
    private static final ParseField EXCLUDE_HEARD = new ParseField("exclude_heard");
    private static final ParseField FILTER = new ParseField("filter");
    private static final ParseField NORMALIZATION = new ParseField("normalization");
    private static final ParseField LEXICAL_PIVOT = new ParseField("lexical_pivot");
    private static final ParseField POPULARITY_FIELD = new ParseField("popularity_field");
    private static final ParseField POPULARITY_PIVOT = new ParseField("popularity_pivot");
    private static final ParseField RANKER = new ParseField("ranker");
    private static final ParseField INTEREST_CANDIDATES = new ParseField("interest_candidates");

    private final String listenerId;
    private String queryText;
    private List<String> textFields = List.of("title^2", "description");
    private String vectorField = "text_vector";
    private String audioVectorField;
    private int k = 100;
    private BlendWeights weights = BlendWeights.DEFAULT;
    private boolean excludeHeard = true;
    private QueryBuilder filter;
    private ScoreNormalization normalization = ScoreNormalization.SATURATION;
    private float lexicalPivot = 10f;
    private String popularityField = "play_count";
    private float popularityPivot = 1000f;
    private Ranker ranker = Ranker.BLEND;
    /**
     * Whether k-NN searches on the interest vectors add candidates when the clause has a query; when
     * false (the default), the interests only score the query's candidates: the searches cost most of
     * the extra work over k-NN, and the offline evaluation's personalized searches ranked the same
     * without them (docs/evaluation.md). Without a query the interest searches always run.
     */
    private boolean interestCandidates = false;

    /** Resolved on the coordinating node during rewrite, then shipped to the shards. */
    private float[] queryVector;
    private ListenerInterests interests;
    private RankerModel learnedModel;
    private transient Supplier<float[]> pendingVector;
    private transient Supplier<ListenerInterests> pendingInterests;
    private transient Supplier<RankerModel> pendingRanker;

    /** How the personal components are combined: the hand-set weighted blend, or the learned ranker in use. */
    public enum Ranker {
        BLEND,
        LEARNED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Ranker parse(String value) {
            for (Ranker ranker : values()) {
                if (ranker.label().equals(value)) {
                    return ranker;
                }
            }
            throw new IllegalArgumentException("[" + NAME + "] [ranker] [" + value + "] does not exist; available: [blend, learned]");
        }
    }

    public PersonalizeQueryBuilder(String listenerId) {
        if (listenerId == null || listenerId.isBlank()) {
            throw new IllegalArgumentException("[" + NAME + "] requires a non-empty [listener_id]");
        }
        if (listenerId.length() > MAX_LISTENER_ID_LENGTH) {
            throw new IllegalArgumentException("[" + NAME + "] [listener_id] is longer than " + MAX_LISTENER_ID_LENGTH + " characters");
        }
        this.listenerId = listenerId;
    }

    public PersonalizeQueryBuilder(StreamInput in) throws IOException {
        super(in);
        listenerId = in.readString();
        queryText = in.readOptionalString();
        textFields = in.readStringList();
        vectorField = in.readString();
        audioVectorField = in.readOptionalString();
        k = in.readVInt();
        weights = new BlendWeights(in);
        excludeHeard = in.readBoolean();
        filter = in.readOptionalNamedWriteable(QueryBuilder.class);
        normalization = in.readEnum(ScoreNormalization.class);
        lexicalPivot = in.readFloat();
        popularityField = in.readOptionalString();
        popularityPivot = in.readFloat();
        queryVector = in.readBoolean() ? in.readFloatArray() : null;
        interests = in.readOptionalWriteable(ListenerInterests::new);
        ranker = in.readEnum(Ranker.class);
        learnedModel = in.readBoolean() ? RankerModelCodec.fromBytes(in.readBytesReference()) : null;
        interestCandidates = in.readBoolean();
    }

    @Override
    protected void doWriteTo(StreamOutput out) throws IOException {
        if (pendingVector != null || pendingInterests != null || pendingRanker != null) {
            throw new IllegalStateException("the personalize query must be rewritten before it is sent to the shards");
        }
        out.writeString(listenerId);
        out.writeOptionalString(queryText);
        out.writeStringCollection(textFields);
        out.writeString(vectorField);
        out.writeOptionalString(audioVectorField);
        out.writeVInt(k);
        weights.writeTo(out);
        out.writeBoolean(excludeHeard);
        out.writeOptionalNamedWriteable(filter);
        out.writeEnum(normalization);
        out.writeFloat(lexicalPivot);
        out.writeOptionalString(popularityField);
        out.writeFloat(popularityPivot);
        out.writeBoolean(queryVector != null);
        if (queryVector != null) {
            out.writeFloatArray(queryVector);
        }
        out.writeOptionalWriteable(interests);
        out.writeEnum(ranker);
        out.writeBoolean(learnedModel != null);
        if (learnedModel != null) {
            out.writeBytesReference(RankerModelCodec.toBytes(learnedModel));
        }
        out.writeBoolean(interestCandidates);
    }

    public static PersonalizeQueryBuilder fromXContent(XContentParser parser) throws IOException {
        String listenerId = null;
        String queryText = null;
        float[] queryVector = null;
        List<String> textFields = null;
        String vectorField = null;
        String audioVectorField = null;
        Integer k = null;
        Map<String, Object> weights = null;
        Boolean excludeHeard = null;
        QueryBuilder filter = null;
        String normalization = null;
        Float lexicalPivot = null;
        String popularityField = null;
        Float popularityPivot = null;
        String ranker = null;
        Boolean interestCandidates = null;
        String queryName = null;
        float boost = DEFAULT_BOOST;
        String currentName = null;
        XContentParser.Token token;
        while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
            if (token == XContentParser.Token.FIELD_NAME) {
                currentName = parser.currentName();
            } else if (FILTER.match(currentName, parser.getDeprecationHandler())) {
                if (token != XContentParser.Token.START_OBJECT) {
                    throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [filter] must be a query object");
                }
                filter = parseInnerQueryBuilder(parser);
            } else if (WEIGHTS.match(currentName, parser.getDeprecationHandler())) {
                if (token != XContentParser.Token.START_OBJECT) {
                    throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [weights] must be an object");
                }
                weights = parser.map();
            } else if (QUERY_VECTOR.match(currentName, parser.getDeprecationHandler())) {
                queryVector = parseVector(parser, token);
            } else if (TEXT_FIELDS.match(currentName, parser.getDeprecationHandler())) {
                textFields = new ArrayList<>();
                if (token == XContentParser.Token.START_ARRAY) {
                    while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
                        textFields.add(parser.text());
                    }
                } else {
                    textFields.add(parser.text());
                }
            } else if (token.isValue() || token == XContentParser.Token.VALUE_NULL) {
                if (LISTENER_ID.match(currentName, parser.getDeprecationHandler())) {
                    listenerId = parser.textOrNull();
                } else if (QUERY_TEXT.match(currentName, parser.getDeprecationHandler())) {
                    queryText = parser.textOrNull();
                } else if (VECTOR_FIELD.match(currentName, parser.getDeprecationHandler())) {
                    vectorField = parser.text();
                } else if (AUDIO_VECTOR_FIELD.match(currentName, parser.getDeprecationHandler())) {
                    audioVectorField = parser.textOrNull();
                } else if (K.match(currentName, parser.getDeprecationHandler())) {
                    k = parser.intValue();
                } else if (EXCLUDE_HEARD.match(currentName, parser.getDeprecationHandler())) {
                    excludeHeard = parser.booleanValue();
                } else if (NORMALIZATION.match(currentName, parser.getDeprecationHandler())) {
                    normalization = parser.text();
                } else if (LEXICAL_PIVOT.match(currentName, parser.getDeprecationHandler())) {
                    lexicalPivot = parser.floatValue();
                } else if (POPULARITY_FIELD.match(currentName, parser.getDeprecationHandler())) {
                    popularityField = parser.textOrNull();
                } else if (POPULARITY_PIVOT.match(currentName, parser.getDeprecationHandler())) {
                    popularityPivot = parser.floatValue();
                } else if (RANKER.match(currentName, parser.getDeprecationHandler())) {
                    ranker = parser.text();
                } else if (INTEREST_CANDIDATES.match(currentName, parser.getDeprecationHandler())) {
                    interestCandidates = parseStrictBoolean(parser, token, INTEREST_CANDIDATES);
                } else if (AbstractQueryBuilder.NAME_FIELD.match(currentName, parser.getDeprecationHandler())) {
                    queryName = parser.text();
                } else if (AbstractQueryBuilder.BOOST_FIELD.match(currentName, parser.getDeprecationHandler())) {
                    boost = parser.floatValue();
                } else {
                    throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown field [" + currentName + "]");
                }
            } else {
                throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown field [" + currentName + "] or wrong type");
            }
        }
        try {
            PersonalizeQueryBuilder builder = new PersonalizeQueryBuilder(listenerId);
            builder.queryText = queryText == null || queryText.isBlank() ? null : queryText;
            builder.queryVector = queryVector;
            if (textFields != null) {
                builder.textFields(textFields);
            }
            if (vectorField != null) {
                builder.vectorField = vectorField;
            }
            builder.audioVectorField = audioVectorField;
            if (k != null) {
                builder.k(k);
            }
            if (weights != null) {
                builder.weights = BlendWeights.parse(weights);
            }
            if (excludeHeard != null) {
                builder.excludeHeard = excludeHeard;
            }
            builder.filter = filter;
            if (normalization != null) {
                builder.normalization = ScoreNormalization.parse(normalization);
            }
            if (lexicalPivot != null) {
                if (!(lexicalPivot > 0) || Float.isInfinite(lexicalPivot)) {
                    throw new IllegalArgumentException("[lexical_pivot] must be a finite number > 0, got [" + lexicalPivot + "]");
                }
                builder.lexicalPivot = lexicalPivot;
            }
            if (popularityField != null) {
                builder.popularityField = popularityField;
            }
            if (popularityPivot != null) {
                if (!(popularityPivot > 0) || Float.isInfinite(popularityPivot)) {
                    throw new IllegalArgumentException("[popularity_pivot] must be a finite number > 0, got [" + popularityPivot + "]");
                }
                builder.popularityPivot = popularityPivot;
            }
            if (ranker != null) {
                builder.ranker = Ranker.parse(ranker);
            }
            if (interestCandidates != null) {
                builder.interestCandidates = interestCandidates;
            }
            builder.queryName(queryName).boost(boost);
            return builder;
        } catch (IllegalArgumentException e) {
            throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
        }
    }

    /** true or false (as a JSON boolean or the string); anything else is a 400 naming the field. */
    private static boolean parseStrictBoolean(XContentParser parser, XContentParser.Token token, ParseField field) throws IOException {
        if (token == XContentParser.Token.VALUE_BOOLEAN) {
            return parser.booleanValue();
        }
        String text = token == XContentParser.Token.VALUE_STRING ? parser.text() : null;
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        throw new ParsingException(
            parser.getTokenLocation(),
            "[" + NAME + "] [" + field.getPreferredName() + "] must be true or false, got [" + (token == XContentParser.Token.VALUE_NULL ? "null" : parser.text()) + "]"
        );
    }

    /**
     * The {@code query_vector}: the query's semantic vector given by the caller, used instead of
     * embedding {@code query_text} (which then only feeds BM25).
     */
    private static float[] parseVector(XContentParser parser, XContentParser.Token token) throws IOException {
        if (token != XContentParser.Token.START_ARRAY) {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [query_vector] must be an array of numbers");
        }
        List<Float> values = new ArrayList<>();
        while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
            if (parser.currentToken() != XContentParser.Token.VALUE_NUMBER) {
                throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [query_vector] must be an array of numbers");
            }
            float value = parser.floatValue();
            if (Float.isFinite(value) == false) {
                throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [query_vector] must hold finite numbers, got [" + value + "]");
            }
            values.add(value);
            if (values.size() > MAX_VECTOR_DIMENSION) {
                throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [query_vector] has more than " + MAX_VECTOR_DIMENSION + " dimensions");
            }
        }
        if (values.isEmpty()) {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [query_vector] must not be empty");
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i);
        }
        return vector;
    }

    public PersonalizeQueryBuilder queryText(String queryText) {
        this.queryText = queryText;
        return this;
    }

    /** The query's semantic vector, given instead of embedding {@code query_text}. */
    public PersonalizeQueryBuilder queryVector(float[] vector) {
        this.queryVector = vector == null ? null : vector.clone();
        return this;
    }

    public PersonalizeQueryBuilder k(int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("[" + NAME + "] [k] must be in [1, " + MAX_K + "], got [" + k + "]");
        }
        this.k = k;
        return this;
    }

    public PersonalizeQueryBuilder textFields(List<String> fields) {
        for (String field : fields) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("[" + NAME + "] [text_fields] must be field names, got [" + field + "]");
            }
        }
        this.textFields = List.copyOf(fields);
        return this;
    }

    @Override
    protected void doXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject(NAME);
        builder.field(LISTENER_ID.getPreferredName(), listenerId);
        if (queryText != null) {
            builder.field(QUERY_TEXT.getPreferredName(), queryText);
        }
        if (queryVector != null) {
            builder.field(QUERY_VECTOR.getPreferredName(), queryVector);
        }
        builder.field(TEXT_FIELDS.getPreferredName(), textFields);
        builder.field(VECTOR_FIELD.getPreferredName(), vectorField);
        if (audioVectorField != null) {
            builder.field(AUDIO_VECTOR_FIELD.getPreferredName(), audioVectorField);
        }
        builder.field(K.getPreferredName(), k);
        weights.toXContent(builder, params);
        builder.field(EXCLUDE_HEARD.getPreferredName(), excludeHeard);
        if (filter != null) {
            builder.field(FILTER.getPreferredName(), filter);
        }
        builder.field(NORMALIZATION.getPreferredName(), normalization.label());
        builder.field(LEXICAL_PIVOT.getPreferredName(), lexicalPivot);
        if (popularityField != null) {
            builder.field(POPULARITY_FIELD.getPreferredName(), popularityField);
        }
        builder.field(POPULARITY_PIVOT.getPreferredName(), popularityPivot);
        builder.field(RANKER.getPreferredName(), ranker.label());
        builder.field(INTEREST_CANDIDATES.getPreferredName(), interestCandidates);
        printBoostAndQueryName(builder);
        builder.endObject();
    }

    @Override
    protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
        QueryBuilder rewrittenFilter = filter == null ? null : filter.rewrite(context);
        if (rewrittenFilter != filter) {
            PersonalizeQueryBuilder copy = copy();
            copy.filter = rewrittenFilter;
            return copy;
        }
        if (pendingVector != null || pendingInterests != null || pendingRanker != null) {
            float[] vector = pendingVector == null ? queryVector : pendingVector.get();
            ListenerInterests loaded = pendingInterests == null ? interests : pendingInterests.get();
            RankerModel model = pendingRanker == null ? learnedModel : pendingRanker.get();
            if ((pendingVector != null && vector == null) || (pendingInterests != null && loaded == null) || (pendingRanker != null && model == null)) {
                return this; // the async actions have not completed yet
            }
            PersonalizeQueryBuilder resolved = copy();
            resolved.queryVector = vector;
            resolved.interests = loaded;
            resolved.learnedModel = model;
            return resolved;
        }
        boolean needsVector = needsQueryVector();
        boolean needsInterests = interests == null;
        boolean needsRanker = ranker == Ranker.LEARNED && learnedModel == null;
        if (!needsVector && !needsInterests && !needsRanker) {
            return this;
        }
        if (context.convertToCoordinatorContext() == null && context.convertToShardContext() != null) {
            throw new IllegalStateException("[" + NAME + "] must be rewritten on the coordinating node before it reaches a shard");
        }
        PersonalizeQueryBuilder pending = copy();
        RewriteTimes times = new RewriteTimes();
        if (needsVector) {
            pending.pendingVector = PersonalizeRewrite.embedQueryText(context, queryText, times);
        }
        if (needsInterests) {
            pending.pendingInterests = PersonalizeRewrite.loadInterests(context, listenerId, uses(weights.collaborative()), weights.sequence(), times);
        }
        if (needsRanker) {
            pending.pendingRanker = PersonalizeRewrite.loadRanker(context, times);
        }
        return pending;
    }

    /** Adds a filter (ANDed with any filter already set), as OpenSearch does when it pushes filters into queries. */
    @Override
    public QueryBuilder filter(QueryBuilder newFilter) {
        if (newFilter != null) {
            this.filter = this.filter == null ? newFilter : new BoolQueryBuilder().filter(this.filter).filter(newFilter);
        }
        return this;
    }

    /** This query as rewrite leaves it once the vector and the interests are known. */
    PersonalizeQueryBuilder resolvedForTests(float[] vector, ListenerInterests resolvedInterests) {
        PersonalizeQueryBuilder resolved = copy();
        resolved.queryVector = vector;
        resolved.interests = resolvedInterests;
        return resolved;
    }

    private PersonalizeQueryBuilder copy() {
        PersonalizeQueryBuilder copy = new PersonalizeQueryBuilder(listenerId);
        copy.queryText = queryText;
        copy.textFields = textFields;
        copy.vectorField = vectorField;
        copy.audioVectorField = audioVectorField;
        copy.k = k;
        copy.weights = weights;
        copy.excludeHeard = excludeHeard;
        copy.filter = filter;
        copy.normalization = normalization;
        copy.lexicalPivot = lexicalPivot;
        copy.popularityField = popularityField;
        copy.popularityPivot = popularityPivot;
        copy.queryVector = queryVector;
        copy.interests = interests;
        copy.ranker = ranker;
        copy.learnedModel = learnedModel;
        copy.interestCandidates = interestCandidates;
        copy.queryName(queryName).boost(boost);
        return copy;
    }

    @Override
    protected Query doToQuery(QueryShardContext context) throws IOException {
        if (interests == null || needsQueryVector() || (ranker == Ranker.LEARNED && learnedModel == null)) {
            throw new IllegalStateException("[" + NAME + "] reached a shard before it was rewritten");
        }
        requireKnnField(context, "vector_field", vectorField);
        if (queryVector != null) {
            requireDimension(context, queryVector.length);
        }
        String audioField = audioVectorField != null && context.fieldMapper(audioVectorField) != null ? audioVectorField : null;
        if (audioVectorField != null && audioField != null) {
            requireKnnField(context, "audio_vector_field", audioVectorField);
        }
        List<String> excluded = excludeHeard ? interests.heardEpisodeIds() : List.of();
        boolean restricted = filter != null || excluded.isEmpty() == false;
        AllowedDocsQuery allowed = new AllowedDocsQuery(filter == null ? null : filter.toQuery(context), excluded);
        QueryBuilder knnFilter = restricted ? new ShardLocalQueryBuilder(allowed) : null;

        LazyQuery lexical = null;
        if (queryText != null && weights.lexical() > 0) {
            Map<String, Float> fields = new LinkedHashMap<>();
            for (String field : textFields) {
                int caret = field.lastIndexOf('^');
                fields.put(caret < 0 ? field : field.substring(0, caret), caret < 0 ? 1f : parseBoost(field, caret));
            }
            MultiMatchQueryBuilder match = new MultiMatchQueryBuilder(queryText).fields(fields);
            lexical = LazyQuery.of(() -> restricted
                ? new BooleanQuery.Builder().add(match.toQuery(context), BooleanClause.Occur.MUST).add(allowed, BooleanClause.Occur.FILTER).build()
                : match.toQuery(context));
        }
        LazyQuery semantic = queryVector != null && weights.semantic() > 0 ? LazyQuery.of(() -> knn(context, queryVector, knnFilter)) : null;
        // with interest_candidates false, a query's own candidates are the only ones the interests score
        boolean searchInterests = uses(weights.interest()) && (interestCandidates || (lexical == null && semantic == null));
        List<InterestCandidates.Search> interestQueries = searchInterests ? interestSearches(context, knnFilter) : List.of();
        boolean collaborative = uses(weights.collaborative()) && interests.collaborative().isEmpty() == false;
        MappedFieldType popularityType = popularityField == null ? null : context.fieldMapper(popularityField);
        boolean noOtherSource = lexical == null && semantic == null && interestQueries.isEmpty() && collaborative == false;
        boolean popularityCandidates = (popularityType != null && uses(weights.popularity())) || noOtherSource;
        boolean floating = popularityType != null && Set.of("float", "double", "half_float").contains(popularityType.typeName());
        return new PersonalizeQuery(
            new PersonalizeQuery.Sources(lexical, semantic, interestQueries, popularityCandidates, collaborative, allowed),
            // the audio vectors are read only when the audio component counts
            new PersonalizeQuery.Fields(vectorField, uses(weights.audio()) ? audioField : null, popularityType == null ? null : popularityField, floating),
            queryVector,
            interests,
            weights,
            normalization,
            lexicalPivot,
            popularityPivot,
            k,
            queryText,
            learnedModel
        );
    }

    /** Whether query_text is to be embedded: no vector given, and the semantic component counts (with a weight of 0 nothing reads it). */
    private boolean needsQueryVector() {
        return queryText != null && queryVector == null && weights.semantic() > 0;
    }

    /**
     * Whether a personal component (interest, audio, popularity, collaborative) takes part: its
     * weight is set, or the learned ranker decides how much it counts.
     */
    private boolean uses(float personalWeight) {
        return personalWeight > 0 || ranker == Ranker.LEARNED;
    }

    private static float parseBoost(String field, int caret) {
        try {
            return Float.parseFloat(field.substring(caret + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[" + NAME + "] [text_fields] entry [" + field + "] has a boost that is not a number");
        }
    }

    private Query knn(QueryShardContext context, float[] vector, QueryBuilder restriction) throws IOException {
        KNNQueryBuilder.Builder knn = KNNQueryBuilder.builder().fieldName(vectorField).vector(vector).k(k);
        if (restriction != null) {
            knn.filter(restriction);
        }
        return knn.build().toQuery(context);
    }

    /** The k-NN searches of the listener's interests, strongest first (see {@link InterestCandidates}). */
    private List<InterestCandidates.Search> interestSearches(QueryShardContext context, QueryBuilder restriction) throws IOException {
        List<ListenerInterests.Interest> all = interests.interests();
        List<Integer> strongestFirst = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            strongestFirst.add(i);
        }
        strongestFirst.sort((a, b) -> Float.compare(all.get(b).strength(), all.get(a).strength()));
        List<InterestCandidates.Search> searches = new ArrayList<>();
        for (int i : strongestFirst) {
            float[] vector = all.get(i).vector();
            LazyQuery probe = k <= InterestCandidates.PROBE_K ? null : LazyQuery.of(() -> probe(context, vector, restriction));
            searches.add(new InterestCandidates.Search(i, probe, LazyQuery.of(() -> knn(context, vector, restriction))));
        }
        return searches;
    }

    /**
     * A k-NN search of {@link InterestCandidates#PROBE_K} neighbours with a beam as narrow (the k-NN
     * plugin searches at least {@code ef_search} neighbours, 100 by default); null when the field's
     * method takes no {@code ef_search} (IVF), whose searches are then all full. Not used when k is
     * that small already.
     */
    private Query probe(QueryShardContext context, float[] vector, QueryBuilder restriction) throws IOException {
        KNNQueryBuilder.Builder knn = KNNQueryBuilder.builder()
            .fieldName(vectorField)
            .vector(vector)
            .k(InterestCandidates.PROBE_K)
            .methodParameters(Map.of("ef_search", InterestCandidates.PROBE_K));
        if (restriction != null) {
            knn.filter(restriction);
        }
        try {
            return knn.build().toQuery(context);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void requireDimension(QueryShardContext context, int dimension) {
        if (context.fieldMapper(vectorField) instanceof KNNVectorFieldType knnType && knnType.getKnnMappingConfig().getDimension() != dimension) {
            throw new IllegalArgumentException(
                "[" + NAME + "] the query vector ([query_vector], or the embedding of [query_text]) has " + dimension
                    + " dimensions but [vector_field] [" + vectorField + "] has " + knnType.getKnnMappingConfig().getDimension()
            );
        }
    }

    private static void requireKnnField(QueryShardContext context, String parameter, String field) {
        MappedFieldType type = context.fieldMapper(field);
        if (type == null) {
            throw new IllegalArgumentException(
                "[" + NAME + "] [" + parameter + "] [" + field + "] is not mapped in index [" + context.index().getName() + "]"
            );
        }
        if (!"knn_vector".equals(type.typeName())) {
            throw new IllegalArgumentException(
                "[" + NAME + "] [" + parameter + "] [" + field + "] is a [" + type.typeName() + "] field, not a [knn_vector] field"
            );
        }
    }

    @Override
    protected boolean doEquals(PersonalizeQueryBuilder other) {
        return listenerId.equals(other.listenerId)
            && Objects.equals(queryText, other.queryText)
            && textFields.equals(other.textFields)
            && vectorField.equals(other.vectorField)
            && Objects.equals(audioVectorField, other.audioVectorField)
            && k == other.k
            && weights.equals(other.weights)
            && excludeHeard == other.excludeHeard
            && Objects.equals(filter, other.filter)
            && normalization == other.normalization
            && lexicalPivot == other.lexicalPivot
            && Objects.equals(popularityField, other.popularityField)
            && popularityPivot == other.popularityPivot
            && Arrays.equals(queryVector, other.queryVector)
            && Objects.equals(interests, other.interests)
            && ranker == other.ranker
            && Objects.equals(learnedModel, other.learnedModel)
            && interestCandidates == other.interestCandidates;
    }

    @Override
    protected int doHashCode() {
        return Objects.hash(listenerId, queryText, textFields, vectorField, audioVectorField, k, weights, excludeHeard, filter, normalization, lexicalPivot, popularityField, ranker, interestCandidates);
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }
}
