package com.podcastpersonalize.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queries.function.FunctionQuery;
import org.apache.lucene.queries.function.valuesource.ConstKnnFloatValueSource;
import org.apache.lucene.queries.function.valuesource.FloatKnnVectorFieldSource;
import org.apache.lucene.queries.function.valuesource.FloatVectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.opensearch.index.mapper.IdFieldMapper;
import org.opensearch.index.mapper.Uid;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidate sources that replace per-query full scans and searches: the allowed documents
 * (one bit set per segment), the popularity ranking cached per segment, and the interest searches
 * that skip what cannot place a document among the k best. Each is checked against the plain,
 * exhaustive way it replaces.
 */
public class PersonalizeCandidateSourcesTests extends OpenSearchTestCase {

    private static final String VECTOR = "text_vector";
    private static final int DIMENSION = 8;

    public void testAllowedDocsAreTheFilterMinusExcludedIdsAndDeletions() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, 300, 3, true);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<String> excluded = List.of("e3", "e10", "e11", "e250", "missing");
                AllowedDocsQuery allowed = new AllowedDocsQuery(new TermQuery(new Term("lang", "en")), excluded);
                Query expected = new BooleanQuery.Builder().add(new TermQuery(new Term("lang", "en")), BooleanClause.Occur.FILTER)
                    .add(idsQuery(excluded), BooleanClause.Occur.MUST_NOT)
                    .build();
                assertEquals(docsOf(searcher, expected), docsOf(searcher, allowed));
                int allowedCount = 0;
                for (LeafReaderContext leaf : reader.leaves()) {
                    allowedCount += allowed.bits(searcher, leaf).cardinality(); // deleted documents are left out of the bits themselves
                }
                assertEquals(searcher.count(expected), allowedCount);
            }
        }
    }

    public void testPopularDocsEqualASortOfTheAllowedDocs() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, 2500, 2, true); // segments larger than the ranking kept for small k
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int round = 0; round < 4; round++) {
                    List<String> excluded = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        excluded.add("e" + randomIntBetween(0, 2499));
                    }
                    // "rare" passes few documents: the cached ranking runs short and the segment is ranked again
                    Query filter = round % 2 == 0 ? new TermQuery(new Term("lang", "en")) : new TermQuery(new Term("tag", "rare"));
                    AllowedDocsQuery allowed = new AllowedDocsQuery(filter, excluded);
                    int k = randomFrom(1, 10, 100, 300);
                    int[] top = PopularDocs.top(reader.leaves(), "play_count", k, leaf -> allowed.bits(searcher, leaf));
                    Sort byPopularity = new Sort(new SortedNumericSortField("play_count", SortField.Type.LONG, true), SortField.FIELD_DOC);
                    ScoreDoc[] sorted = searcher.search(allowed, k, byPopularity).scoreDocs;
                    assertArrayEquals(Arrays.stream(sorted).mapToInt(hit -> hit.doc).toArray(), top);
                }
            }
        }
    }

    public void testPopularDocsWithoutAFieldAreTheFirstAllowedDocs() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, 50, 1, false);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                AllowedDocsQuery allowed = new AllowedDocsQuery(null, List.of("e0", "e2"));
                int[] top = PopularDocs.top(reader.leaves(), null, 3, leaf -> allowed.bits(searcher, leaf));
                assertArrayEquals(new int[] { 1, 3, 4 }, top);
            }
        }
    }

    public void testInterestCandidatesHoldTheBestInterestValues() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, 600, 2, false);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<ListenerInterests.Interest> interests = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    interests.add(new ListenerInterests.Interest("interest " + i, randomFrom(1f, 0.8f, 0.3f, 0.04f), randomVector()));
                }
                int k = 40;
                List<InterestCandidates.Search> searches = new ArrayList<>();
                for (int i = 0; i < interests.size(); i++) {
                    float[] vector = interests.get(i).vector();
                    searches.add(new InterestCandidates.Search(i, LazyQuery.ready(exactNearest(vector)), LazyQuery.ready(exactNearest(vector))));
                }
                searches.sort((a, b) -> Float.compare(interests.get(b.index()).strength(), interests.get(a.index()).strength()));
                Set<Integer> candidates = new HashSet<>();
                InterestCandidates.InterestValues values = new InterestCandidates.InterestValues(reader.leaves(), VECTOR, interests, k);
                new InterestCandidates(searcher, k, values).gather(searches, candidates);

                InterestMatcher matcher = new InterestMatcher(interests);
                List<float[]> all = vectors(reader);
                Integer[] byValue = new Integer[all.size()];
                for (int doc = 0; doc < byValue.length; doc++) {
                    byValue[doc] = doc;
                }
                Arrays.sort(byValue, (a, b) -> Float.compare(matcher.best(all.get(b)).value(), matcher.best(all.get(a)).value()));
                for (int rank = 0; rank < k; rank++) {
                    assertTrue("the doc of rank " + rank + " by interest value is a candidate", candidates.contains(byValue[rank]));
                }
            }
        }
    }

    public void testAnInterestThatCannotBeatTheKthBestValueIsNotSearched() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            index(dir, 200, 1, false);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                float[] strong = vectors(reader).get(0);
                List<ListenerInterests.Interest> interests = List.of(
                    new ListenerInterests.Interest("strong", 1f, strong),
                    new ListenerInterests.Interest("weak", 0f, randomVector())
                );
                // k = 1: the strong interest's nearest document is itself (value 1), beyond the weak interest's reach (0.5)
                InterestCandidates.InterestValues values = new InterestCandidates.InterestValues(reader.leaves(), VECTOR, interests, 1);
                List<InterestCandidates.Search> searches = List.of(
                    new InterestCandidates.Search(0, LazyQuery.ready(exactNearest(strong)), LazyQuery.ready(exactNearest(strong))),
                    new InterestCandidates.Search(1, LazyQuery.ready(new NeverSearched()), LazyQuery.ready(new NeverSearched()))
                );
                Set<Integer> candidates = new HashSet<>();
                new InterestCandidates(searcher, 1, values).gather(searches, candidates);
                assertEquals(Set.of(0), candidates);
            }
        }
    }

    /** Docs e0..e{n-1}: every third in "lang:de" (others "en"), one in 50 tagged "rare", Zipf-like play counts (some missing, some two values), random vectors. */
    private void index(Directory dir, int n, int segments, boolean deletions) throws IOException {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < n; i++) {
                Document doc = new Document();
                doc.add(new StringField(IdFieldMapper.NAME, Uid.encodeId("e" + i), Field.Store.NO));
                doc.add(new StringField("lang", i % 3 == 0 ? "de" : "en", Field.Store.NO));
                if (i % 50 == 7) {
                    doc.add(new StringField("tag", "rare", Field.Store.NO));
                }
                if (i % 17 != 0) {
                    doc.add(new SortedNumericDocValuesField("play_count", randomIntBetween(0, 40) * randomIntBetween(0, 40)));
                    if (i % 29 == 0) {
                        doc.add(new SortedNumericDocValuesField("play_count", randomIntBetween(0, 2000)));
                    }
                }
                doc.add(new KnnFloatVectorField(VECTOR, randomVector(), VectorSimilarityFunction.COSINE));
                writer.addDocument(doc);
                if ((i + 1) % Math.max(1, n / segments) == 0) {
                    writer.flush();
                }
            }
            if (deletions) {
                for (int i = 1; i < n; i += 23) {
                    writer.deleteDocuments(new Term(IdFieldMapper.NAME, Uid.encodeId("e" + i)));
                }
            }
        }
    }

    private float[] randomVector() {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) random().nextGaussian();
        }
        return v;
    }

    /** Nearest neighbours by exact cosine over every document (a stand-in for a k-NN search, without its approximation). */
    private static Query exactNearest(float[] target) {
        return new FunctionQuery(
            new FloatVectorSimilarityFunction(VectorSimilarityFunction.COSINE, new FloatKnnVectorFieldSource(VECTOR), new ConstKnnFloatValueSource(target))
        );
    }

    private static List<float[]> vectors(DirectoryReader reader) throws IOException {
        List<float[]> all = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            StoredVectorReader vectors = StoredVectorReader.open(leaf, VECTOR);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                all.add(vectors.vectorOf(doc).clone());
            }
        }
        return all;
    }

    private static Query idsQuery(List<String> ids) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String id : ids) {
            any.add(new TermQuery(new Term(IdFieldMapper.NAME, Uid.encodeId(id))), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    private static Set<Integer> docsOf(IndexSearcher searcher, Query query) throws IOException {
        Set<Integer> docs = new HashSet<>();
        for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }

    /** Fails the test when a search runs it. */
    private static final class NeverSearched extends Query {
        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            throw new AssertionError("this interest should not have been searched");
        }

        @Override
        public String toString(String field) {
            return "never";
        }

        @Override
        public void visit(QueryVisitor visitor) {}

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
