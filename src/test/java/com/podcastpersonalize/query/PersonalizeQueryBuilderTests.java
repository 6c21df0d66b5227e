package com.podcastpersonalize.query;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.NamedWriteableAwareStreamInput;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.search.SearchModule;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.util.List;

public class PersonalizeQueryBuilderTests extends OpenSearchTestCase {

    private static final SearchModule SEARCH = new SearchModule(Settings.EMPTY, List.of());

    private static PersonalizeQueryBuilder parse(String json) throws IOException {
        try (
            XContentParser parser = JsonXContent.jsonXContent.createParser(
                new NamedXContentRegistry(SEARCH.getNamedXContents()),
                DeprecationHandler.THROW_UNSUPPORTED_OPERATION,
                json
            )
        ) {
            parser.nextToken();
            return PersonalizeQueryBuilder.fromXContent(parser);
        }
    }

    public void testContractExampleParsesAndRoundTripsThroughXContent() throws IOException {
        PersonalizeQueryBuilder builder = parse("""
            {"listener_id": "u42", "query_text": "history of jazz", "text_fields": ["title^2", "description"],
             "vector_field": "text_vector", "audio_vector_field": "audio_vector", "k": 100,
             "weights": {"lexical": 0.3, "semantic": 0.3, "interest": 0.4}, "exclude_heard": true,
             "filter": {"term": {"language": "en"}}}""");
        String json = org.opensearch.core.common.Strings.toString(org.opensearch.common.xcontent.XContentType.JSON, builder);
        assertTrue(json, json.contains("\"listener_id\":\"u42\""));
        assertTrue(json, json.contains("\"interest\":0.4"));
        try (
            XContentParser parser = JsonXContent.jsonXContent.createParser(
                new NamedXContentRegistry(SEARCH.getNamedXContents()),
                DeprecationHandler.THROW_UNSUPPORTED_OPERATION,
                json
            )
        ) {
            parser.nextToken(); // {
            parser.nextToken(); // "personalize"
            parser.nextToken(); // {
            assertEquals(builder, PersonalizeQueryBuilder.fromXContent(parser));
        }
    }

    public void testQueryVectorRoundTripsThroughXContent() throws IOException {
        PersonalizeQueryBuilder builder = parse("{\"listener_id\": \"u1\", \"query_text\": \"jazz\", \"query_vector\": [0.6, -0.8]}");
        String json = org.opensearch.core.common.Strings.toString(org.opensearch.common.xcontent.XContentType.JSON, builder);
        assertTrue(json, json.contains("\"query_vector\":[0.6,-0.8]"));
        assertEquals(new PersonalizeQueryBuilder("u1").queryText("jazz").queryVector(new float[] { 0.6f, -0.8f }), builder);
        assertNotEquals(parse("{\"listener_id\": \"u1\", \"query_text\": \"jazz\"}"), builder);
    }

    public void testRankerIsBlendByDefaultAndLearnedOnRequest() throws IOException {
        String blend = org.opensearch.core.common.Strings.toString(org.opensearch.common.xcontent.XContentType.JSON, parse("{\"listener_id\": \"u1\"}"));
        assertTrue(blend, blend.contains("\"ranker\":\"blend\""));
        PersonalizeQueryBuilder learned = parse("{\"listener_id\": \"u1\", \"ranker\": \"learned\"}");
        String json = org.opensearch.core.common.Strings.toString(org.opensearch.common.xcontent.XContentType.JSON, learned);
        assertTrue(json, json.contains("\"ranker\":\"learned\""));
        assertNotEquals(parse("{\"listener_id\": \"u1\"}"), learned);
    }

    public void testInterestCandidatesIsOffByDefaultAndOnRequest() throws IOException {
        String byDefault = org.opensearch.core.common.Strings.toString(org.opensearch.common.xcontent.XContentType.JSON, parse("{\"listener_id\": \"u1\"}"));
        assertTrue(byDefault, byDefault.contains("\"interest_candidates\":false"));
        PersonalizeQueryBuilder on = parse("{\"listener_id\": \"u1\", \"query_text\": \"jazz\", \"interest_candidates\": true}");
        String json = org.opensearch.core.common.Strings.toString(org.opensearch.common.xcontent.XContentType.JSON, on);
        assertTrue(json, json.contains("\"interest_candidates\":true"));
        assertNotEquals(parse("{\"listener_id\": \"u1\", \"query_text\": \"jazz\"}"), on);
        assertEquals(parse("{\"listener_id\": \"u1\", \"query_text\": \"jazz\"}"), parse("{\"listener_id\": \"u1\", \"query_text\": \"jazz\", \"interest_candidates\": \"false\"}"));
    }

    public void testOnlyListenerIdIsRequired() throws IOException {
        PersonalizeQueryBuilder builder = parse("{\"listener_id\": \"u1\"}");
        assertEquals(new PersonalizeQueryBuilder("u1"), builder);
    }

    public void testResolvedQueryTravelsToShardsWithVectorAndInterests() throws IOException {
        PersonalizeQueryBuilder builder = parse("{\"listener_id\": \"u1\", \"query_text\": \"jazz\", \"interest_candidates\": true, \"filter\": {\"term\": {\"lang\": \"en\"}}}");
        // what rewrite produces on the coordinating node, through the same copy path
        var resolved = withResolved(builder, new float[] { 0.6f, 0.8f }, new ListenerInterests(
            ListenerInterests.Strategy.INTERESTS,
            List.of(new ListenerInterests.Interest("jazz history", 1f, new float[] { 1f, 0f })),
            null,
            List.of("e1", "e2")
        ));
        BytesStreamOutput out = new BytesStreamOutput();
        out.writeNamedWriteable(resolved);
        NamedWriteableRegistry registry = new NamedWriteableRegistry(
            java.util.stream.Stream.concat(
                SEARCH.getNamedWriteables().stream(),
                java.util.stream.Stream.of(new NamedWriteableRegistry.Entry(org.opensearch.index.query.QueryBuilder.class, PersonalizeQueryBuilder.NAME, PersonalizeQueryBuilder::new))
            ).toList()
        );
        try (StreamInput in = new NamedWriteableAwareStreamInput(out.bytes().streamInput(), registry)) {
            PersonalizeQueryBuilder read = (PersonalizeQueryBuilder) in.readNamedWriteable(org.opensearch.index.query.QueryBuilder.class);
            assertEquals(resolved.toString(), read.toString());
        }
    }

    public void testBadRequestsNameTheProblem() {
        String[][] cases = {
            { "{}", "requires a non-empty [listener_id]" },
            { "{\"listener_id\": \"\"}", "requires a non-empty [listener_id]" },
            { "{\"listener_id\": \"u\", \"k\": 0}", "[k] must be in [1, 10000]" },
            { "{\"listener_id\": \"u\", \"k\": 100000}", "[k] must be in [1, 10000]" },
            { "{\"listener_id\": \"u\", \"weights\": {\"lexical\": -1}}", "[weights.lexical] must be a finite number >= 0" },
            { "{\"listener_id\": \"u\", \"weights\": {\"lexical\": 0, \"semantic\": 0, \"interest\": 0, \"audio\": 0, \"popularity\": 0, \"collaborative\": 0}}", "[weights] must not all be 0" },
            { "{\"listener_id\": \"u\", \"weights\": {\"collaborative\": -0.5}}", "[weights.collaborative] must be a finite number >= 0" },
            { "{\"listener_id\": \"u\", \"weights\": {\"lexcal\": 1}}", "unknown component [lexcal]" },
            { "{\"listener_id\": \"u\", \"filter\": \"lang:en\"}", "[filter] must be a query object" },
            { "{\"listener_id\": \"u\", \"filter\": {\"no_such_query\": {}}}", "no_such_query" },
            { "{\"listener_id\": \"u\", \"ranker\": \"deep\"}", "[ranker] [deep] does not exist; available: [blend, learned]" },
            { "{\"listener_id\": \"u\", \"interest_candidates\": \"no\"}", "[interest_candidates] must be true or false, got [no]" },
            { "{\"listener_id\": \"u\", \"interest_candidates\": 0}", "[interest_candidates] must be true or false, got [0]" },
            { "{\"listener_id\": \"u\", \"interest_candidates\": null}", "[interest_candidates] must be true or false, got [null]" },
            { "{\"listener_id\": \"u\", \"normalization\": \"zscore\"}", "[normalization] must be one of [saturation, rrf]" },
            { "{\"listener_id\": \"u\", \"listenerid\": \"v\"}", "unknown field [listenerid]" },
            { "{\"listener_id\": \"u\", \"lexical_pivot\": 0}", "[lexical_pivot] must be a finite number > 0" },
            { "{\"listener_id\": \"u\", \"query_vector\": \"0.1 0.2\"}", "[query_vector] must be an array of numbers" },
            { "{\"listener_id\": \"u\", \"query_vector\": [0.1, \"x\"]}", "[query_vector] must be an array of numbers" },
            { "{\"listener_id\": \"u\", \"query_vector\": []}", "[query_vector] must not be empty" },
            { "{\"listener_id\": \"" + "x".repeat(10_000) + "\"}", "longer than 512 characters" } };
        for (String[] c : cases) {
            Exception e = expectThrows(Exception.class, () -> parse(c[0]));
            assertTrue(c[0].substring(0, Math.min(80, c[0].length())) + " -> " + e, e instanceof ParsingException || e instanceof IllegalArgumentException);
            String message = e.getMessage() + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            assertTrue(c[1] + " in " + message, message.contains(c[1]));
        }
    }

    private static PersonalizeQueryBuilder withResolved(PersonalizeQueryBuilder builder, float[] vector, ListenerInterests interests) {
        return builder.resolvedForTests(vector, interests);
    }
}
