package com.podcastpersonalize.diversify;

import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TotalHits;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.ShardSearchFailure;
import org.opensearch.common.document.DocumentField;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.search.SearchHit;
import org.opensearch.search.SearchHits;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.internal.InternalSearchResponse;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class DiversifyResponseProcessorTests extends OpenSearchTestCase {

    private static final List<Double> X = List.of(1.0, 0.0, 0.0);
    private static final List<Double> Y = List.of(0.0, 1.0, 0.0);
    private static final List<Double> Z = List.of(0.0, 0.0, 1.0);

    private static DiversifyResponseProcessor processor(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new DiversifyProcessorFactory().create(Map.of(), "tag", "a description", false, config, null);
    }

    private static SearchHit hit(String id, float score, Map<String, Object> source) throws IOException {
        SearchHit hit = new SearchHit(Integer.parseInt(id.substring(1)), id, Map.of(), Map.of());
        hit.score(score);
        if (source != null) {
            hit.sourceRef(BytesReference.bytes(XContentFactory.jsonBuilder().map(source)));
        }
        return hit;
    }

    private static SearchHit episode(String id, float score, String show, List<Double> vector) throws IOException {
        Map<String, Object> source = new HashMap<>();
        source.put("title", "episode " + id);
        source.put("show_id", show);
        source.put("text_vector", vector);
        return hit(id, score, source);
    }

    private static SearchResponse response(SearchHit... hits) {
        SearchHits searchHits = new SearchHits(hits, new TotalHits(1234, TotalHits.Relation.EQUAL_TO), 9.5f);
        return new SearchResponse(
            new InternalSearchResponse(searchHits, null, null, null, false, null, 1),
            null,
            3,
            3,
            0,
            17,
            ShardSearchFailure.EMPTY_ARRAY,
            SearchResponse.Clusters.EMPTY
        );
    }

    private static List<String> ids(SearchResponse response) {
        return Arrays.stream(response.getHits().getHits()).map(SearchHit::getId).toList();
    }

    /** One show floods the top: the classic case. */
    private static SearchResponse flooded() throws IOException {
        return response(
            episode("e1", 9.5f, "s1", X),
            episode("e2", 9.4f, "s1", X),
            episode("e3", 9.3f, "s1", X),
            episode("e4", 9.2f, "s1", X),
            episode("e5", 8.0f, "s2", Y),
            episode("e6", 7.0f, "s3", Z)
        );
    }

    public void testAFloodingShowIsCappedAndSpreadWhileScoresAndTotalsStay() throws Exception {
        SearchResponse in = flooded();
        Map<String, Float> scoresBefore = new HashMap<>();
        in.getHits().forEach(h -> scoresBefore.put(h.getId(), h.getScore()));
        SearchResponse out = processor("vector_field", "text_vector", "lambda", 0.3, "max_per_show", 2, "window", 50).processResponse(null, in);
        // lambda 0.3 is mild: e2 is a copy of e1 but far more relevant than e5, so it stays second; the cap holds back e3, e4
        assertEquals(List.of("e1", "e2", "e5", "e6", "e3", "e4"), ids(out));
        out = processor("vector_field", "text_vector", "lambda", 0.5, "max_per_show", 2, "window", 50).processResponse(null, flooded());
        assertEquals(List.of("e1", "e5", "e6", "e2", "e3", "e4"), ids(out));
        out.getHits().forEach(h -> assertEquals(scoresBefore.get(h.getId()), h.getScore(), 0f));
        assertEquals(1234, out.getHits().getTotalHits().value());
        assertEquals(9.5f, out.getHits().getMaxScore(), 0f);
        assertEquals(17, out.getTook().millis());
        assertEquals(3, out.getTotalShards());
        assertTrue("no profile section appears", out.getProfileResults().isEmpty());
    }

    public void testHitsPastTheWindowKeepTheirPlace() throws Exception {
        SearchResponse out = processor("vector_field", "text_vector", "max_per_show", 1, "window", 4).processResponse(null, flooded());
        // window e1..e4 (all s1): one is picked, three are held back below it; e5, e6 are outside the window
        assertEquals(List.of("e1", "e2", "e3", "e4", "e5", "e6"), ids(out));
        out = processor("vector_field", "text_vector", "max_per_show", 1, "window", 5).processResponse(null, flooded());
        assertEquals(List.of("e1", "e5", "e2", "e3", "e4", "e6"), ids(out));
    }

    public void testFewerHitsThanTheWindowAndTinyPagesAreFine() throws Exception {
        DiversifyResponseProcessor processor = processor("vector_field", "text_vector");
        assertEquals(List.of(), ids(processor.processResponse(null, response())));
        assertEquals(List.of("e1"), ids(processor.processResponse(null, response(episode("e1", 1f, "s1", X)))));
        SearchResponse two = response(episode("e1", 2f, "s1", X), episode("e2", 1f, "s1", X));
        assertEquals(List.of("e1", "e2"), ids(processor.processResponse(null, two)));
    }

    public void testLambdaZeroOnlyCaps() throws Exception {
        SearchResponse out = processor("vector_field", "text_vector", "lambda", 0, "max_per_show", 3).processResponse(null, flooded());
        assertEquals(List.of("e1", "e2", "e3", "e5", "e6", "e4"), ids(out));
    }

    public void testHitsWithoutVectorOrShowAreKeptAndNeverCapped() throws Exception {
        SearchResponse in = response(
            episode("e1", 9f, "s1", X),
            hit("e2", 8.9f, Map.of("title", "no vector, no show")),
            hit("e3", 8.8f, null), // _source disabled or not fetched
            episode("e4", 8.7f, "s1", X),
            episode("e5", 8.6f, "s1", Y)
        );
        SearchResponse out = processor("vector_field", "text_vector", "max_per_show", 1, "lambda", 0.5).processResponse(null, in);
        assertEquals(List.of("e1", "e2", "e3", "e4", "e5"), ids(out));
    }

    public void testBadValuesCountAsMissing() throws Exception {
        SearchResponse in = response(
            hit("e1", 9f, Map.of("text_vector", List.of(1.0, 0.0), "show_id", Map.of("id", "s1"))),
            hit("e2", 8.9f, Map.of("text_vector", "0.1,0.2", "show_id", Map.of("id", "s1"))),
            hit("e3", 8.8f, Map.of("text_vector", List.of(1.0, "x"), "show_id", true)),
            hit("e4", 8.7f, Map.of("text_vector", Map.of("values", X), "show_id", "true")),
            hit("e5", 8.6f, Map.of("text_vector", List.of(1.0, 0.0), "show_id", List.of()))
        );
        // an object is no show id (e1, e2 never capped), a boolean is one (e4 is held back); bad vectors are missing ones
        SearchResponse out = processor("vector_field", "text_vector", "max_per_show", 1, "lambda", 0.3).processResponse(null, in);
        assertEquals(List.of("e1", "e2", "e3", "e5", "e4"), ids(out));
    }

    public void testNumericShowIdsMatchTheirText() throws Exception {
        SearchResponse out = processor("vector_field", "text_vector", "max_per_show", 1).processResponse(null, response(
            hit("e4", 3f, Map.of("show_id", 7)),
            hit("e5", 2f, Map.of("show_id", "7")),
            hit("e6", 1.5f, Map.of("show_id", 7.0)),
            hit("e7", 1f, Map.of("show_id", "8"))
        ));
        assertEquals(List.of("e4", "e7", "e5", "e6"), ids(out));
    }

    public void testNestedAndDottedFieldNames() throws Exception {
        SearchResponse in = response(
            hit("e1", 9f, Map.of("episode", Map.of("vector", X), "show", Map.of("id", "s1"))),
            hit("e2", 8.9f, Map.of("episode.vector", X, "show.id", "s1")),
            hit("e3", 8.0f, Map.of("episode", Map.of("vector", Y), "show.id", "s2"))
        );
        SearchResponse out = processor("vector_field", "episode.vector", "show_field", "show.id", "max_per_show", 1).processResponse(null, in);
        assertEquals(List.of("e1", "e3", "e2"), ids(out));
        // no cap: the vectors alone (nested for e1, a dotted key for e2) push the copy e2 down
        out = processor("vector_field", "episode.vector", "show_field", "show.id", "max_per_show", 3, "lambda", 0.5).processResponse(null, in);
        assertEquals(List.of("e1", "e3", "e2"), ids(out));
    }

    public void testFieldsAreReadWhenSourceIsFilteredOut() throws Exception {
        SearchHit[] hits = new SearchHit[3];
        List<List<Double>> vectors = List.of(X, X, Y);
        for (int i = 0; i < 3; i++) {
            Map<String, DocumentField> fields = Map.of(
                "text_vector", new DocumentField("text_vector", List.copyOf(vectors.get(i))),
                "show_id", new DocumentField("show_id", List.of("s" + i))
            );
            hits[i] = new SearchHit(i + 1, "e" + (i + 1), fields, Map.of());
            hits[i].score(3 - i * 0.1f);
        }
        SearchResponse out = processor("vector_field", "text_vector", "lambda", 0.5).processResponse(null, response(hits));
        assertEquals(List.of("e1", "e3", "e2"), ids(out));
    }

    public void testASortedPageWithoutScoresUsesItsOrderAsRelevance() throws Exception {
        SearchResponse in = response(
            episode("e1", Float.NaN, "s1", X),
            episode("e2", Float.NaN, "s2", X),
            episode("e3", Float.NaN, "s3", Y)
        );
        SearchResponse out = processor("vector_field", "text_vector", "lambda", 0.5).processResponse(null, in);
        assertEquals(List.of("e1", "e3", "e2"), ids(out));
        assertTrue(Float.isNaN(out.getHits().getHits()[0].getScore()));
    }

    public void testExplainSaysWhyAndKeepsTheOriginalExplanation() throws Exception {
        SearchResponse in = flooded();
        for (SearchHit hit : in.getHits().getHits()) {
            hit.explanation(Explanation.match(hit.getScore(), "weight(title:jazz)"));
        }
        SearchRequest request = new SearchRequest().source(new SearchSourceBuilder().explain(true));
        SearchResponse out = processor("vector_field", "text_vector", "max_per_show", 2).processResponse(request, in);
        SearchHit third = out.getHits().getHits()[2];
        assertEquals("e5", third.getId());
        Explanation explanation = third.getExplanation();
        assertEquals(8.0f, explanation.getValue().floatValue(), 0f);
        assertTrue(explanation.getDescription(), explanation.getDescription().startsWith("podcast_diversify: position 5 -> 3 of 6"));
        assertEquals("weight(title:jazz)", explanation.getDetails()[0].getDescription());
        String heldBack = out.getHits().getHits()[5].getExplanation().getDescription();
        assertTrue(heldBack, heldBack.contains("held back below the diversified hits"));
    }

    public void testWithoutExplainExplanationsAreUntouched() throws Exception {
        SearchResponse out = processor("vector_field", "text_vector").processResponse(new SearchRequest(), flooded());
        assertNull(out.getHits().getHits()[0].getExplanation());
    }

    public void testTheProcessorCarriesCoreFields() {
        DiversifyResponseProcessor processor = processor("vector_field", "text_vector");
        assertEquals("podcast_diversify", processor.getType());
        assertEquals("tag", processor.getTag());
        assertEquals("a description", processor.getDescription());
        assertFalse(processor.isIgnoreFailure());
    }
}
