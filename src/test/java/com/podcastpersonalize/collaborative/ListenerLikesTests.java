package com.podcastpersonalize.collaborative;

import com.podcastpersonalize.listeners.EventWeights;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;

public class ListenerLikesTests extends OpenSearchTestCase {

    public void testTheLatestEventDecidesAndTheStrongerWinsAtOneTime() {
        ListenerLikes likes = new ListenerLikes();
        likes.add("u1", "finished-then-skipped", 1, EventWeights.COMPLETE);
        likes.add("u1", "finished-then-skipped", 2, EventWeights.SKIP);
        likes.add("u1", "liked", 3, EventWeights.SKIP);
        likes.add("u1", "liked", 3, EventWeights.LIKE); // same time: the stronger
        likes.add("u1", "half-played", 4, EventWeights.PLAY * 0.5);
        likes.add("u1", "subscribed", 5, EventWeights.SUBSCRIBE);
        likes.add("u2", "disliked", 1, EventWeights.DISLIKE);
        assertEquals(7, likes.events());
        assertEquals(2, likes.listeners());
        assertEquals(List.of(List.of("subscribed", "liked")), likes.liked(10)); // latest first; u2 liked nothing
        assertEquals(List.of(List.of("subscribed")), likes.liked(1));
    }
}
