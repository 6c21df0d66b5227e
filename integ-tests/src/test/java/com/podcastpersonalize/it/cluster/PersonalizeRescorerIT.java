package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.it.support.TwoTastes;

import java.util.Map;
import java.util.TreeSet;

/** The {@code personalize} rescorer over plain queries on 2 nodes and 3 shards. */
public class PersonalizeRescorerIT extends TwoTastesTestCase {

    private static String rescored(String listener, String extra) {
        return """
            {"size": 3, "query": {"match": {"title": "New Orleans"}},
             "rescore": {"window_size": 10, "personalize": {"listener_id": "%s", "interest_weight": 2.0%s}}}""".formatted(listener, extra);
    }

    public void testThePlainSearchIsReorderedForEachListener() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        Result jazz = search("episodes", rescored(JAZZ_LISTENER, ""));
        assertEquals(jazz.ids().toString(), TwoTastes.JAZZ_ANSWER, jazz.ids().get(0));
        assertEquals("interests", jazz.strategy());
        Result crime = search("episodes", rescored(CRIME_LISTENER, ", \"freshness_field\": \"published_at\", \"popularity_field\": \"play_count\""));
        assertEquals(crime.ids().toString(), TwoTastes.CRIME_ANSWER, crime.ids().get(0));
        // the rescorer only reorders: the same three episodes match "New Orleans"
        assertEquals(new TreeSet<>(jazz.ids()), new TreeSet<>(crime.ids()));
    }

    public void testAnUnknownListenerKeepsTheQueryOrderAndExplainSaysWhy() throws Exception {
        indexCatalogue("episodes", 3);
        Result plain = search("episodes", "{\"size\": 3, \"query\": {\"match\": {\"title\": \"New Orleans\"}}}");
        Result unknown = search("episodes", rescored("stranger", ""));
        assertEquals(plain.ids(), unknown.ids());
        assertEquals("popularity", unknown.strategy());

        Result explained = search("episodes", rescored("stranger", "").replaceFirst("\\{\"size\": 3,", "{\"size\": 3, \"explain\": true,"));
        String explanation = String.valueOf(explained.hits().get(0).get("_explanation"));
        assertTrue(explanation, explanation.contains("personalize rescore [strategy=popularity]"));
        assertTrue(explanation, explanation.contains("query: weight 1.0"));
    }

    @SuppressWarnings("unchecked")
    public void testExplainGivesTheInterestInWords() throws Exception {
        indexCatalogue("episodes", 3);
        setUpListeners();
        Result result = search("episodes", rescored(JAZZ_LISTENER, "").replaceFirst("\\{\"size\": 3,", "{\"size\": 1, \"explain\": true,"));
        Map<String, Object> explanation = (Map<String, Object>) result.hits().get(0).get("_explanation");
        assertTrue(explanation.toString(), explanation.toString().contains("close to your interest in"));
    }

    public void testBadParametersAre400s() throws Exception {
        indexCatalogue("episodes", 3);
        String query = "{\"query\": {\"match\": {\"title\": \"jazz\"}}, \"rescore\": {\"personalize\": %s}}";
        assertBadRequest("episodes", query.formatted("{\"interest_weight\": 1}"), "listener_id");
        assertBadRequest("episodes", query.formatted("{\"listener_id\": \"u\", \"interest_weight\": -2}"), "[interest_weight]");
        assertBadRequest("episodes", query.formatted("{\"listener_id\": \"u\", \"colour\": 1}"), "unknown field [colour]");
        assertBadRequest("episodes", query.formatted("{\"listener_id\": \"u\", \"freshness_field\": \"title\"}"), "not a [date] field");
        assertBadRequest("episodes", query.formatted("{\"listener_id\": \"u\", \"popularity_field\": \"genre\"}"), "not a number");
        assertBadRequest("episodes", query.formatted("{\"listener_id\": \"u\", \"vector_field\": \"title\"}"), "not a [knn_vector] field");
    }
}
