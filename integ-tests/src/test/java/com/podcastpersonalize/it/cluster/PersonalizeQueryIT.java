package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.it.support.TwoTastes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code personalize} query on 2 nodes and 3 shards with hand-built listeners whose right
 * answers are known ({@link TwoTastes}), through REST as users send it.
 */
public class PersonalizeQueryIT extends TwoTastesTestCase {

    private static String personalize(String listener, String queryText, String extra) {
        String text = queryText == null ? "" : ", \"query_text\": \"" + queryText + "\"";
        return "{\"listener_id\": \"" + listener + "\"" + text + ", \"text_fields\": [\"title^2\", \"description\"], \"vector_field\": \"text_vector\"" + extra + "}";
    }

    public void testAnAmbiguousQueryGoesEachListenersWay() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        String body = "{\"size\": 5, \"query\": {\"personalize\": %s}}";

        Result jazz = search("episodes", body.formatted(personalize(JAZZ_LISTENER, TwoTastes.AMBIGUOUS_QUERY, "")));
        assertEquals("jazz listener: " + jazz.ids(), TwoTastes.JAZZ_ANSWER, jazz.ids().get(0));
        assertEquals("interests", jazz.strategy());
        // the node reports how long the query text's embedding took, and how much of it the search waited for beyond the profile
        double embedding = Double.parseDouble(jazz.embeddingMs());
        double waited = Double.parseDouble(jazz.embeddingWaitMs());
        assertTrue("embedding " + embedding + " ms, waited " + waited + " ms", embedding > 0 && waited >= 0 && waited <= embedding);

        Result crime = search("episodes", body.formatted(personalize(CRIME_LISTENER, TwoTastes.AMBIGUOUS_QUERY, "")));
        assertEquals("crime listener: " + crime.ids(), TwoTastes.CRIME_ANSWER, crime.ids().get(0));

        // without a query the recommendation follows the taste: most of the top 5 are of the listener's genre, none already heard
        Result recommended = search("episodes", body.formatted(personalize(JAZZ_LISTENER, null, "")));
        assertNull("no query text, no embedding", recommended.embeddingMs());
        assertNull("no query text, no embedding", recommended.embeddingWaitMs());
        long jazzCount = recommended.ids().stream().filter(id -> TwoTastes.genreOf(id).equals("jazz")).count();
        assertTrue("recommendation for the jazz listener: " + recommended.ids(), jazzCount >= 3);
        for (String heard : TwoTastes.JAZZ_FINISHED) {
            assertFalse("heard " + heard + " came back: " + recommended.ids(), recommended.ids().contains(heard));
        }
    }

    /** A query vector given in the clause replaces the embedding of the query text: same ranking and scores, nothing embedded. */
    @SuppressWarnings("unchecked")
    public void testAGivenQueryVectorStandsInForTheEmbedding() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        List<?> embedded = (List<?>) ((List<?>) rest("POST", "/_plugins/podcast/embed",
            "{\"texts\": [\"" + TwoTastes.AMBIGUOUS_QUERY + "\"], \"input_type\": \"query\"}").get("embeddings")).get(0);
        String body = "{\"size\": 8, \"query\": {\"personalize\": %s}}";
        Result byText = search("episodes", body.formatted(personalize(JAZZ_LISTENER, TwoTastes.AMBIGUOUS_QUERY, "")));
        Result byVector = search("episodes", body.formatted(personalize(JAZZ_LISTENER, TwoTastes.AMBIGUOUS_QUERY, ", \"query_vector\": " + embedded)));
        assertEquals(byText.ids(), byVector.ids());
        for (int i = 0; i < byText.hits().size(); i++) {
            assertEquals(((Number) byText.hits().get(i).get("_score")).doubleValue(), ((Number) byVector.hits().get(i).get("_score")).doubleValue(), 1e-5);
        }
        assertNotNull(byText.embeddingMs());
        assertNull("a given vector is not embedded", byVector.embeddingMs());
        assertNull("a given vector is not embedded", byVector.embeddingWaitMs());
        // the vector alone (no text): semantic and personal components, no BM25
        Result vectorOnly = search("episodes", body.formatted(personalize(JAZZ_LISTENER, null, ", \"query_vector\": " + embedded)));
        assertEquals("vector only: " + vectorOnly.ids(), "jazz", TwoTastes.genreOf(vectorOnly.ids().get(0)));
        assertNull(vectorOnly.embeddingMs());
        // with a semantic weight of 0 nothing reads the query vector: the text only feeds BM25, and is not embedded
        Result lexicalOnly = search("episodes", body.formatted(personalize(JAZZ_LISTENER, TwoTastes.AMBIGUOUS_QUERY, ", \"weights\": {\"semantic\": 0}")));
        assertNull("semantic weight 0, no embedding", lexicalOnly.embeddingMs());
        assertEquals(TwoTastes.JAZZ_ANSWER, lexicalOnly.ids().get(0));
    }

    /**
     * By default (interest_candidates false) the interests run no k-NN search of their own when there
     * is a query: they score the query's candidates only, and still decide an ambiguous query; with
     * interest_candidates true they add candidates of their own, and the answer is the same.
     */
    public void testWithOrWithoutInterestCandidatesTheInterestsDecideAnAmbiguousQuery() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        String body = "{\"size\": 5, \"query\": {\"personalize\": %s}}";
        for (String option : List.of("", ", \"interest_candidates\": false", ", \"interest_candidates\": true")) {
            Result jazz = search("episodes", body.formatted(personalize(JAZZ_LISTENER, TwoTastes.AMBIGUOUS_QUERY, option)));
            assertEquals("jazz listener" + option + ": " + jazz.ids(), TwoTastes.JAZZ_ANSWER, jazz.ids().get(0));
            assertEquals("interests", jazz.strategy());
            Result crime = search("episodes", body.formatted(personalize(CRIME_LISTENER, TwoTastes.AMBIGUOUS_QUERY, option)));
            assertEquals("crime listener" + option + ": " + crime.ids(), TwoTastes.CRIME_ANSWER, crime.ids().get(0));
        }
        // without a query the option changes nothing: the interests are the candidates
        Result recommended = search("episodes", body.formatted(personalize(JAZZ_LISTENER, null, ", \"interest_candidates\": true")));
        Result recommendedByDefault = search("episodes", body.formatted(personalize(JAZZ_LISTENER, null, "")));
        assertEquals(recommendedByDefault.ids(), recommended.ids());
    }

    public void testExcludeHeardCanBeTurnedOff() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        String body = "{\"size\": 16, \"query\": {\"personalize\": %s}}";
        Result excluded = search("episodes", body.formatted(personalize(JAZZ_LISTENER, null, ", \"exclude_heard\": true")));
        Result included = search("episodes", body.formatted(personalize(JAZZ_LISTENER, null, ", \"exclude_heard\": false, \"k\": 16")));
        assertTrue(included.ids().containsAll(TwoTastes.JAZZ_FINISHED));
        assertTrue(excluded.ids().stream().noneMatch(TwoTastes.JAZZ_FINISHED::contains));
    }

    public void testOneAndThreeShardsRankTheSame() throws Exception {
        indexCatalogue("one_shard", 1);
        indexCatalogue("episodes", 3);
        setUpListeners();
        // every component but BM25 is computed exactly per document (stored vectors, doc values, fixed
        // transforms), so the ranking does not depend on how the episodes are spread over shards;
        // BM25 uses each shard's own term statistics, as OpenSearch's query_then_fetch does
        String body = "{\"size\": 16, \"query\": {\"personalize\": %s}}".formatted(
            personalize(CRIME_LISTENER, "murder case in a city", ", \"k\": 20, \"exclude_heard\": false, \"weights\": {\"lexical\": 0}"));
        Result one = search("one_shard", body);
        Result three = search("episodes", body);
        assertEquals(one.ids(), three.ids());
        for (int i = 0; i < one.hits().size(); i++) {
            assertEquals(((Number) one.hits().get(i).get("_score")).doubleValue(), ((Number) three.hits().get(i).get("_score")).doubleValue(), 1e-5);
        }
    }

    @SuppressWarnings("unchecked")
    public void testInsideBoolWithFilterAggregationsAndPages() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        String clause = personalize(CRIME_LISTENER, null, ", \"exclude_heard\": false, \"k\": 16");
        Result all = search("episodes", """
            {"size": 16, "query": {"bool": {"must": [{"personalize": %s}], "filter": [{"term": {"genre": "crime"}}]}},
             "aggs": {"shows": {"terms": {"field": "show_id"}}}}""".formatted(clause));
        assertEquals(7, all.hits().size());
        assertTrue(all.ids().stream().allMatch(id -> TwoTastes.genreOf(id).equals("crime")));
        Map<String, Object> shows = (Map<String, Object>) ((Map<String, Object>) all.body().get("aggregations")).get("shows");
        assertEquals(2, ((List<?>) shows.get("buckets")).size());

        List<String> paged = new ArrayList<>();
        for (int from = 0; from < 7; from += 3) {
            paged.addAll(search("episodes", """
                {"from": %d, "size": 3, "query": {"bool": {"must": [{"personalize": %s}], "filter": [{"term": {"genre": "crime"}}]}}}"""
                .formatted(from, clause)).ids());
        }
        assertEquals(all.ids(), paged);
    }

    public void testColdStartSaysWhichStrategyWasUsed() throws Exception {
        indexCatalogue("episodes", 3);
        String body = "{\"size\": 3, \"query\": {\"personalize\": %s}}";

        Result unknown = search("episodes", body.formatted(personalize("nobody-" + randomAlphaOfLength(6), null, "")));
        assertEquals("popularity", unknown.strategy());
        // nothing known: the most played first
        assertEquals(List.of("tech-chips", "cook-gumbo"), unknown.ids().subList(0, 2));

        rest("PUT", "/_plugins/podcast/listeners/newcomer", "{\"declared_topics\": [\"true crime\"]}");
        Result declared = search("episodes", body.formatted(personalize("newcomer", null, ", \"weights\": {\"popularity\": 0}")));
        assertEquals("declared_topics", declared.strategy());
        assertEquals("declared true crime: " + declared.ids(), "crime", TwoTastes.genreOf(declared.ids().get(0)));
    }

    @SuppressWarnings("unchecked")
    public void testExplainGivesEachComponentAndAReasonInWords() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        Result result = search("episodes", "{\"size\": 1, \"explain\": true, \"query\": {\"personalize\": %s}}"
            .formatted(personalize(JAZZ_LISTENER, TwoTastes.AMBIGUOUS_QUERY, "")));
        Map<String, Object> explanation = (Map<String, Object>) result.hits().get(0).get("_explanation");
        String text = explanation.toString();
        assertTrue(text, text.contains("strategy=interests"));
        assertTrue(text, text.contains("close to your interest in"));
        assertTrue(text, text.contains("lexical: weight"));
        assertTrue(text, text.contains("interest: weight"));
        double sum = 0;
        for (Map<String, Object> part : findParts(explanation)) {
            sum += ((Number) part.get("value")).doubleValue();
        }
        assertEquals(((Number) result.hits().get(0).get("_score")).doubleValue(), sum, 1e-4);
    }

    /** The weighted parts of the personalize explanation (under any boost wrapper). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findParts(Map<String, Object> explanation) {
        if (String.valueOf(explanation.get("description")).startsWith("personalize")) {
            return (List<Map<String, Object>>) explanation.get("details");
        }
        for (Map<String, Object> detail : (List<Map<String, Object>>) explanation.getOrDefault("details", List.of())) {
            List<Map<String, Object>> found = findParts(detail);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    public void testBadRequestsAre400sThatNameTheProblem() throws Exception {
        indexCatalogue("episodes", 3);
        rest("PUT", "/plain", "{\"mappings\": {\"properties\": {\"title\": {\"type\": \"text\"}, \"text_vector\": {\"type\": \"keyword\"}}}}");
        rest("PUT", "/small_vectors", """
            {"settings": {"index.knn": true}, "mappings": {"properties": {"text_vector": {"type": "knn_vector", "dimension": 8,
              "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""");
        rest("PUT", "/small_vectors/_doc/1?refresh=true", "{\"text_vector\": [1,0,0,0,0,0,0,0]}");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"query_text\": \"jazz\"}}}", "listener_id");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"\"}}}", "listener_id");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"colour\": \"red\"}}}", "unknown field [colour]");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"weights\": {\"lexical\": -1}}}}", "weights.lexical");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"weights\": "
            + "{\"lexical\": 0, \"semantic\": 0, \"interest\": 0, \"audio\": 0, \"popularity\": 0, \"collaborative\": 0}}}}", "must not all be 0");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"k\": 0}}}", "[k]");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"k\": 100000}}}", "[k]");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"filter\": \"genre:jazz\"}}}", "[filter]");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"vector_field\": \"title\"}}}", "not a [knn_vector] field");
        assertBadRequest("plain", "{\"query\": {\"personalize\": {\"listener_id\": \"u\"}}}", "not a [knn_vector] field");
        assertBadRequest("small_vectors", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"query_text\": \"jazz\"}}}", "dimension");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"vector_field\": \"missing_field\"}}}", "is not mapped");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"query_vector\": [0.6, 0.8]}}}", "[query_vector]");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"query_vector\": \"jazz\"}}}", "[query_vector]");
        assertBadRequest("episodes", "{\"query\": {\"personalize\": {\"listener_id\": \"u\", \"interest_candidates\": \"no\"}}}", "[interest_candidates]");
    }

}
