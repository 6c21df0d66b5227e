package com.podcastpersonalize.collaborative;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

public class ItemSimilaritiesTests extends OpenSearchTestCase {

    /** Liker sets: a {u1,u2,u3}, b {u1,u2}, c {u3}, d {u4} (alone). */
    private static final List<List<String>> LIKED = List.of(
        List.of("a", "b"),
        List.of("a", "b"),
        List.of("a", "c"),
        List.of("d")
    );

    public void testSimilarityIsTheCosineOfTheLikerSets() {
        Map<String, ItemSimilarities.Neighbours> byEpisode = byEpisode(ItemSimilarities.compute(LIKED, 10, 1));
        ItemSimilarities.Neighbours a = byEpisode.get("a");
        assertEquals(3, a.likers());
        assertArrayEquals(new String[] { "b", "c" }, a.ids());
        // a-b: 2 co-likers / sqrt(3 x 2); a-c: 1 / sqrt(3 x 1)
        assertEquals(2 / Math.sqrt(6), a.similarities()[0], 1e-6);
        assertEquals(1 / Math.sqrt(3), a.similarities()[1], 1e-6);
        assertArrayEquals(new String[] { "a" }, byEpisode.get("b").ids());
        assertEquals(2 / Math.sqrt(6), byEpisode.get("b").similarities()[0], 1e-6); // symmetric
        assertFalse("an episode nobody else's likers liked has no neighbours", byEpisode.containsKey("d"));
    }

    public void testNeighboursAreCappedAndNeedEnoughCoLikers() {
        Map<String, ItemSimilarities.Neighbours> capped = byEpisode(ItemSimilarities.compute(LIKED, 1, 1));
        assertArrayEquals(new String[] { "b" }, capped.get("a").ids()); // the most similar one
        Map<String, ItemSimilarities.Neighbours> strict = byEpisode(ItemSimilarities.compute(LIKED, 10, 2));
        assertArrayEquals(new String[] { "b" }, strict.get("a").ids()); // a-c has a single co-liker
        assertFalse(strict.containsKey("c"));
    }

    public void testTiesKeepTheEarlierEpisodeDeterministically() {
        List<List<String>> liked = List.of(List.of("x", "p"), List.of("x", "q"), List.of("x", "r"));
        ItemSimilarities.Neighbours x = byEpisode(ItemSimilarities.compute(liked, 2, 1)).get("x");
        assertArrayEquals(new String[] { "p", "q" }, x.ids());
    }

    private static Map<String, ItemSimilarities.Neighbours> byEpisode(List<ItemSimilarities.Neighbours> all) {
        return all.stream().collect(Collectors.toMap(ItemSimilarities.Neighbours::episodeId, Function.identity()));
    }
}
