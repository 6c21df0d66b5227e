package com.podcastpersonalize.processor.text;

import org.opensearch.ingest.IngestDocument;
import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class EpisodeTextExtractorTests extends OpenSearchTestCase {

    private static IngestDocument document(Map<String, Object> source) {
        return new IngestDocument("episodes", "1", null, null, null, new HashMap<>(source));
    }

    public void testReadsFieldsInOrderWithWeightsAndSkipsBlankOrMissingOnes() {
        EpisodeTextExtractor extractor = new EpisodeTextExtractor(List.of("title", "description", "transcript"), Map.of("title", 2f), true);
        List<EpisodeTextExtractor.FieldText> texts = extractor.extract(document(Map.of("title", "Jazz", "description", "   ")));
        assertEquals(1, texts.size());
        assertEquals("title", texts.get(0).field());
        assertEquals("Jazz", texts.get(0).text());
        assertEquals(2f, texts.get(0).weight(), 0f);
    }

    public void testArrayOfStringsIsOneTextAndNullElementsAreSkipped() {
        EpisodeTextExtractor extractor = new EpisodeTextExtractor(List.of("transcript"), Map.of(), true);
        List<EpisodeTextExtractor.FieldText> texts = extractor.extract(document(Map.of("transcript", Arrays.asList("part one", null, "part two"))));
        assertEquals("part one\npart two", texts.get(0).text());
        assertEquals(1f, texts.get(0).weight(), 0f);
    }

    public void testNestedFieldPaths() {
        EpisodeTextExtractor extractor = new EpisodeTextExtractor(List.of("show.title"), Map.of(), true);
        List<EpisodeTextExtractor.FieldText> texts = extractor.extract(document(Map.of("show", Map.of("title", "The Daily"))));
        assertEquals("The Daily", texts.get(0).text());
    }

    public void testValuesThatAreNotTextNameTheField() {
        EpisodeTextExtractor extractor = new EpisodeTextExtractor(List.of("title"), Map.of(), true);
        for (Object bad : new Object[] { 42, 1.5, true, Map.of("a", 1), List.of("ok", 7) }) {
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> extractor.extract(document(Map.of("title", bad))));
            assertTrue(e.getMessage(), e.getMessage().startsWith("field [title] must be a string or an array of strings"));
        }
    }

    public void testMissingFieldIsAnErrorUnlessIgnored() {
        EpisodeTextExtractor strict = new EpisodeTextExtractor(List.of("title", "description"), Map.of(), false);
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> strict.extract(document(Map.of("title", "Jazz"))));
        assertTrue(e.getMessage(), e.getMessage().contains("field [description] is missing"));
        EpisodeTextExtractor lenient = new EpisodeTextExtractor(List.of("title", "description"), Map.of(), true);
        assertEquals(1, lenient.extract(document(Map.of("title", "Jazz"))).size());
    }
}
