package com.podcastpersonalize.rescore;

import com.podcastpersonalize.query.ListenerInterests;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.Uid;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.util.List;

/** The rescorer's arithmetic on a real Lucene index with stored vectors and doc values, computed by hand. */
public class PersonalizeRescorerTests extends OpenSearchTestCase {

    private static final long DAY = 24L * 3600 * 1000;
    private static final long NOW = 1_800_000_000_000L;
    private static final float[] JAZZ = { 1, 0, 0, 0 };
    private static final float[] CRIME = { 0, 1, 0, 0 };

    private Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @Override
    public void setUp() throws Exception {
        super.setUp();
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            // doc 0: crime, 60 days old, 100 plays; doc 1: half jazz, 30 days, 10 plays; doc 2: jazz, today, no play count; doc 3: no vector
            writer.addDocument(episode("0", CRIME, NOW - 60 * DAY, 100L));
            writer.addDocument(episode("1", new float[] { 0.6f, 0.8f, 0, 0 }, NOW - 30 * DAY, 10L));
            writer.addDocument(episode("2", JAZZ, NOW, null));
            writer.addDocument(episode("3", null, null, null));
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @Override
    public void tearDown() throws Exception {
        reader.close();
        directory.close();
        super.tearDown();
    }

    private static Document episode(String id, float[] vector, Long publishedAt, Long plays) {
        Document doc = new Document();
        doc.add(new StringField("_id", Uid.encodeId(id), Field.Store.YES)); // as OpenSearch indexes ids
        if (vector != null) {
            doc.add(new KnnFloatVectorField("text_vector", vector, VectorSimilarityFunction.COSINE));
        }
        if (publishedAt != null) {
            doc.add(new SortedNumericDocValuesField("published_at", publishedAt));
        }
        if (plays != null) {
            doc.add(new SortedNumericDocValuesField("play_count", plays));
        }
        return doc;
    }

    private static ListenerInterests jazzListener() {
        return new ListenerInterests(ListenerInterests.Strategy.INTERESTS, List.of(new ListenerInterests.Interest("jazz", 1f, JAZZ)), null, List.of());
    }

    private static TopDocs hits(float... scores) {
        ScoreDoc[] docs = new ScoreDoc[scores.length];
        for (int i = 0; i < scores.length; i++) {
            docs[i] = new ScoreDoc(i, scores[i]);
        }
        return new TopDocs(new TotalHits(scores.length, TotalHits.Relation.EQUAL_TO), docs);
    }

    private PersonalizeRescorer.Context context(int window, PersonalizeRescoreSettings settings) {
        return new PersonalizeRescorer.Context(window, settings, jazzListener(), false, NOW);
    }

    public void testInterestLiftsTheListenersEpisodeAboveBetterQueryMatches() throws IOException {
        PersonalizeRescoreSettings settings = new PersonalizeRescoreSettings(1f, 5f, 2f, "text_vector", null, 0, TimeValue.timeValueDays(30), null, 0, 1000f, 0f, 0f);
        TopDocs rescored = PersonalizeRescorer.INSTANCE.rescore(hits(4f, 2f, 1f), searcher, context(3, settings));
        // query part = score / (score + 5): 4/9, 2/7, 1/6; interest = cosine to jazz x (0.5 + 0.5 x strength 1): 0, 0.6, 1
        assertEquals(2, rescored.scoreDocs[0].doc);
        assertEquals(1f / 6 + 2f, rescored.scoreDocs[0].score, 1e-5);
        assertEquals(1, rescored.scoreDocs[1].doc);
        assertEquals(2f / 7 + 2f * 0.6f, rescored.scoreDocs[1].score, 1e-5);
        assertEquals(0, rescored.scoreDocs[2].doc);
        assertEquals(4f / 9, rescored.scoreDocs[2].score, 1e-5);
    }

    public void testFreshnessHalvesAtTheHalfLifeAndPopularityIsLogScaled() throws IOException {
        PersonalizeRescoreSettings settings = new PersonalizeRescoreSettings(0f, 5f, 0f, "text_vector", "published_at", 1f, TimeValue.timeValueDays(30), "play_count", 1f, 1000f, 0f, 0f);
        TopDocs rescored = PersonalizeRescorer.INSTANCE.rescore(hits(1f, 1f, 1f), searcher, context(3, settings));
        float[] byDoc = new float[3];
        for (ScoreDoc hit : rescored.scoreDocs) {
            byDoc[hit.doc] = hit.score;
        }
        // freshness 0.5^(age/30d): 0.25, 0.5, 1; popularity log1p(plays) / (log1p(plays) + log1p(1000)): 100 and 10 plays, 0 (missing)
        assertEquals(0.25f + (float) (Math.log(101) / (Math.log(101) + Math.log(1001))), byDoc[0], 1e-5);
        assertEquals(0.5f + (float) (Math.log(11) / (Math.log(11) + Math.log(1001))), byDoc[1], 1e-5);
        assertEquals(1f, byDoc[2], 1e-5);
    }

    public void testHitsPastTheWindowKeepTheirOrderBelowIt() throws IOException {
        PersonalizeRescoreSettings settings = new PersonalizeRescoreSettings(1f, 5f, 2f, "text_vector", null, 0, TimeValue.timeValueDays(30), null, 0, 1000f, 0f, 0f);
        TopDocs rescored = PersonalizeRescorer.INSTANCE.rescore(hits(40f, 30f, 20f, 10f), searcher, context(2, settings));
        assertEquals(1, rescored.scoreDocs[0].doc); // 30/35 + 2 x 0.6 beats 40/45
        assertEquals(0, rescored.scoreDocs[1].doc);
        assertEquals(2, rescored.scoreDocs[2].doc);
        assertEquals(3, rescored.scoreDocs[3].doc);
        assertTrue(rescored.scoreDocs[2].score < rescored.scoreDocs[1].score);
        assertTrue(rescored.scoreDocs[3].score <= rescored.scoreDocs[2].score);
    }

    public void testEpisodesWithoutVectorsGetNoInterestAndNoError() throws IOException {
        PersonalizeRescoreSettings settings = new PersonalizeRescoreSettings(1f, 5f, 1f, "text_vector", "published_at", 1f, TimeValue.timeValueDays(30), "play_count", 1f, 1000f, 0f, 0f);
        TopDocs input = new TopDocs(new TotalHits(1, TotalHits.Relation.EQUAL_TO), new ScoreDoc[] { new ScoreDoc(3, 5f) });
        TopDocs rescored = PersonalizeRescorer.INSTANCE.rescore(input, searcher, context(10, settings));
        assertEquals(0.5f, rescored.scoreDocs[0].score, 1e-6); // 5 / (5 + 5), nothing else
    }

    public void testExplainNamesEachPartAndTheInterestInWords() throws IOException {
        PersonalizeRescoreSettings settings = new PersonalizeRescoreSettings(1f, 5f, 2f, "text_vector", "published_at", 1f, TimeValue.timeValueDays(30), "play_count", 0.5f, 1000f, 0f, 0f);
        Explanation explanation = PersonalizeRescorer.INSTANCE.explain(2, searcher, context(10, settings), Explanation.match(1f, "original"));
        String text = explanation.toString();
        assertTrue(text, text.contains("close to your interest in jazz"));
        assertTrue(text, text.contains("freshness: weight 1.0"));
        assertTrue(text, text.contains("popularity: weight 0.5"));
        assertTrue(text, text.contains("strategy=interests"));
        // query 1/(1+5) + interest 2 x 1 + freshness 1 x 1 + popularity 0 (missing), as rescore computes it
        assertEquals(1f / 6 + 3f, explanation.getValue().floatValue(), 1e-5);
        TopDocs rescored = PersonalizeRescorer.INSTANCE.rescore(hits(9f, 7f, 1f), searcher, context(10, settings));
        assertEquals(2, rescored.scoreDocs[0].doc);
        assertEquals(explanation.getValue().floatValue(), rescored.scoreDocs[0].score, 1e-6);
        double sum = 0;
        for (Explanation part : explanation.getDetails()) {
            sum += part.getValue().doubleValue();
        }
        assertEquals(explanation.getValue().doubleValue(), sum, 1e-5);
    }

    public void testCollaborativeCandidateIsLiftedAndExplained() throws IOException {
        PersonalizeRescoreSettings settings = new PersonalizeRescoreSettings(1f, 5f, 0f, "text_vector", null, 0, TimeValue.timeValueDays(30), null, 0, 1000f, 2f, 0f);
        ListenerInterests withCoListening = jazzListener().withCollaborative(
            List.of(new ListenerInterests.CollaborativeCandidate("0", 1f, "Jazz Stories"), new ListenerInterests.CollaborativeCandidate("missing", 0.5f, "x"))
        );
        PersonalizeRescorer.Context context = new PersonalizeRescorer.Context(10, settings, withCoListening, false, NOW);
        TopDocs rescored = PersonalizeRescorer.INSTANCE.rescore(hits(1f, 9f, 5f), searcher, context);
        assertEquals(0, rescored.scoreDocs[0].doc); // 1/(1+5) + 2 x 1 beats 9/(9+5)
        assertEquals(1f / 6 + 2f, rescored.scoreDocs[0].score, 1e-6);
        Explanation explanation = PersonalizeRescorer.INSTANCE.explain(0, searcher, context, Explanation.match(1f, "original"));
        assertTrue(explanation.toString(), explanation.toString().contains("collaborative: weight 2.0 x 1.0000 (listeners of 'Jazz Stories' also liked this)"));
        assertEquals(rescored.scoreDocs[0].score, explanation.getValue().floatValue(), 1e-6);
    }

    public void testParsingKeepsTheContractAndNamesBadValues() throws IOException {
        PersonalizeRescorerBuilder builder = parse("""
            {"listener_id": "u42", "interest_weight": 0.5, "freshness_field": "published_at", "popularity_field": "play_count"}""");
        assertEquals(PersonalizeRescorerBuilder.NAME, builder.getWriteableName());
        assertTrue(json(builder), json(builder).contains("\"sequence_weight\":0.0"));
        PersonalizeRescorerBuilder withSequence = parse("{\"listener_id\": \"u42\", \"sequence_weight\": 1.5}");
        assertTrue(json(withSequence), json(withSequence).contains("\"sequence_weight\":1.5"));
        assertNotEquals(builder, withSequence);
        assertBadValue("{\"interest_weight\": 0.5}", "listener_id");
        assertBadValue("{\"listener_id\": \"u\", \"interest_weight\": -1}", "[interest_weight]");
        assertBadValue("{\"listener_id\": \"u\", \"query_weight\": 0, \"interest_weight\": 0, \"collaborative_weight\": 0}", "must not all be 0");
        assertBadValue("{\"listener_id\": \"u\", \"collaborative_weight\": -1}", "[collaborative_weight]");
        assertBadValue("{\"listener_id\": \"u\", \"sequence_weight\": 3.5}", "[sequence_weight] must be a number from 0 to 3, got [3.5]");
        assertBadValue("{\"listener_id\": \"u\", \"sequence_weight\": -0.5}", "[sequence_weight]");
        assertBadValue("{\"listener_id\": \"u\", \"freshness_field\": \"d\", \"freshness_half_life\": \"0s\"}", "[freshness_half_life]");
        assertBadValue("{\"listener_id\": \"u\", \"query_pivot\": 0}", "[query_pivot]");
        assertBadValue("{\"listener_id\": \"u\", \"window\": 3}", "unknown field [window]");
        assertBadValue("{\"listener_id\": \"u\", \"interest_weight\": {\"a\": 1}}", "[interest_weight] must be a value");
    }

    private static PersonalizeRescorerBuilder parse(String json) throws IOException {
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(null, null, json)) {
            parser.nextToken();
            return PersonalizeRescorerBuilder.fromXContent(parser);
        }
    }

    private static String json(PersonalizeRescorerBuilder builder) throws IOException {
        XContentBuilder out = JsonXContent.contentBuilder();
        builder.toXContent(out, ToXContent.EMPTY_PARAMS);
        return BytesReference.bytes(out).utf8ToString();
    }

    private static void assertBadValue(String json, String expected) {
        ParsingException e = expectThrows(ParsingException.class, () -> parse(json));
        assertTrue(json + " -> " + e.getMessage(), e.getMessage().contains(expected));
    }
}
