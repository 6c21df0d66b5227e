package com.podcastpersonalize.it.eval.search;

import com.podcastpersonalize.it.eval.EvaluationCase;
import com.podcastpersonalize.it.eval.ListenerQuery;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;
import java.util.Map;
import java.util.Set;

public class SearchEvaluationTests extends OpenSearchTestCase {

    private static EvaluationCase recommendation(String listener, Set<String> relevant) {
        return new EvaluationCase(new ListenerQuery(listener, List.of("t1"), List.of("t1"), null), relevant, Set.of("t1"));
    }

    public void testSearchesTheFirstTopicOfTheFirstTaggedLikeAndKeepsTheLikesWithThatTopic() {
        Map<String, List<String>> topics = Map.of(
            "b", List.of("jazz", "history"),
            "c", List.of("true crime", "jazz"),
            "d", List.of("history")
        );
        // "a" has no tags: the first tagged like in id order is "b", whose first topic is jazz
        List<EvaluationCase> searches = SearchEvaluation.searchCases(List.of(recommendation("u1", Set.of("d", "c", "b", "a"))), topics);
        assertEquals(1, searches.size());
        EvaluationCase search = searches.getFirst();
        assertEquals("jazz", search.query().queryText());
        assertEquals(Set.of("b", "c"), search.relevant());
        assertEquals(Set.of("t1"), search.seen());
        assertEquals("u1", search.query().nodeListenerId());
    }

    public void testListenersWithoutATaggedLikeDoNotSearch() {
        assertEquals(List.of(), SearchEvaluation.searchCases(List.of(recommendation("u1", Set.of("a"))), Map.of("b", List.of("jazz"))));
    }

    public void testInterestCandidatesFalseIsComparedWithTrueForBothRankers() {
        var configs = SearchEvaluation.configs(true);
        assertEquals(5, configs.size());
        assertEquals("interest_candidates true", configs.get(1).describe());
        assertEquals("interest_candidates false", configs.get(2).describe());
        assertEquals("ranker learned, interest_candidates true", configs.get(3).describe());
        assertEquals("ranker learned, interest_candidates false", configs.get(4).describe());
        assertEquals(3, SearchEvaluation.configs(false).size());
    }
}
