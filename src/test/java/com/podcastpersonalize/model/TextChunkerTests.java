package com.podcastpersonalize.model;

import org.opensearch.test.OpenSearchTestCase;

import java.util.List;
import java.util.stream.IntStream;

public class TextChunkerTests extends OpenSearchTestCase {

    public void testEvenlySpacedKeepsFirstAndLastAndOrder() {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        assertEquals(List.of(0, 33, 66, 99), TextChunker.evenlySpaced(items, 4));
        assertEquals(List.of(0), TextChunker.evenlySpaced(items, 1));
        assertSame(items, TextChunker.evenlySpaced(items, 100));
    }

    public void testEvenlySpacedSpansCoverTheTextAndStartAtWords() {
        String text = "alpha beta gamma delta ".repeat(1000);
        List<String> spans = TextChunker.evenlySpacedSpans(text, 5, 400);
        assertEquals(5, spans.size());
        assertTrue(spans.get(0).startsWith("alpha"));
        for (String span : spans) {
            assertTrue(span.length() <= 400);
            assertFalse(span, span.startsWith(" "));
        }
        String last = spans.get(4);
        assertTrue(text.lastIndexOf(last) + last.length() >= text.length() - 64);
    }

    public void testLoneSurrogatesAreReplacedAndPairsKept() {
        assertEquals("a\uFFFDb", TextChunker.replaceLoneSurrogates("a\uD800b"));
        assertEquals("a\uFFFD", TextChunker.replaceLoneSurrogates("a\uDC00"));
        assertEquals("\uFFFD", TextChunker.replaceLoneSurrogates("\uD83D"));
        String emoji = "mic \uD83C\uDF99 on";
        assertSame(emoji, TextChunker.replaceLoneSurrogates(emoji));
        assertEquals("\uD83C\uDF99\uFFFD", TextChunker.replaceLoneSurrogates("\uD83C\uDF99\uDF99"));
    }

    public void testLongTextsGiveOverlappingWindowsUpToTheCap() throws Exception {
        TextEmbeddingModel model = BundledModelTestSupport.model();
        String text = "one two three four five six seven eight nine ten ".repeat(200); // ~2000 tokens
        assertEquals(5, model.windowCount(text, 16)); // 2,000 tokens in 512-token windows overlapping by 64
        assertEquals(3, model.windowCount(text, 3));
        assertEquals(1, model.windowCount("one two three", 16));
        // a megabyte: bounded by character spans before tokenization
        assertEquals(16, model.windowCount("word ".repeat(220_000), 16));
    }
}
