package com.podcastpersonalize.it.eval;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;

public class ItemCooccurrenceRecommenderTests extends OpenSearchTestCase {

    private static final Dataset RATINGS = new Dataset("t", "t", List.of(), List.of(), List.of(), 0.2, 4.0, (b, l, i) -> {}, RankerValidation.days(7));

    private static ListenerSplit split(String listener, Interaction... train) {
        return new ListenerSplit(listener, List.of(train), List.of());
    }

    private static Interaction rated(String listener, String item, double rating) {
        return new Interaction(listener, item, rating, 0);
    }

    public void testScoresAreSummedCosinesOfLikerSetsAndSeenItemsAreLeftOut() {
        List<ListenerSplit> splits = List.of(
            split("u1", rated("u1", "a", 5), rated("u1", "b", 4)),
            split("u2", rated("u2", "a", 5), rated("u2", "c", 4), rated("u2", "d", 4)),
            split("u3", rated("u3", "b", 5), rated("u3", "c", 4)),
            split("u4", rated("u4", "d", 1), rated("u4", "a", 2)) // dislikes: not counted
        );
        ItemCooccurrenceRecommender cf = new ItemCooccurrenceRecommender(splits, RATINGS);
        // for u1 (liked a, b): c = cos(a,c) + cos(b,c) = 1/sqrt(2*2) + 1/sqrt(2*2) = 1.0; d = cos(a,d) = 1/sqrt(2*1) = 0.707
        assertEquals(List.of("c", "d"), cf.recommend(ListenerQuery.of("test-u1", splits.get(0), RATINGS)));
    }

    public void testAListenerWhoLikedNothingGetsNothing() {
        List<ListenerSplit> splits = List.of(split("u1", rated("u1", "a", 5)), split("u2", rated("u2", "z", 4)));
        ItemCooccurrenceRecommender cf = new ItemCooccurrenceRecommender(splits, RATINGS);
        assertEquals(List.of(), cf.recommend(new ListenerQuery("test-x", List.of("q"), List.of("q"), null)));
    }
}
