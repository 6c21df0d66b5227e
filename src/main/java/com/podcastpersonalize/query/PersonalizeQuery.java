package com.podcastpersonalize.query;

import com.podcastpersonalize.ranker.RankerModel;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.NumericUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code personalize} clause as a Lucene query on one shard.
 *
 * <p>When its weight is created it gathers candidates, restricted to the allowed documents
 * ({@link AllowedDocsQuery}, computed once per segment): the top {@code k} of BM25 and of k-NN
 * with the query vector, the documents with the best interest values ({@link InterestCandidates}:
 * k-NN with the interest vectors, strongest first, skipping what cannot place a document among
 * the k best), the {@code k} most popular ({@link PopularDocs}, ranked once per segment), and the
 * listener's collaborative candidates. Then it computes every component exactly for every
 * candidate (BM25 by advancing its scorer, cosines from the stored vectors, popularity from doc
 * values), normalizes, blends with the weights, and scores the fixed set of candidates
 * ({@link BlendedScoresQuery}). Cost: two k-NN searches of {@code k} (query, strongest interest),
 * short probes for the other interests, BM25, and O(candidates x dimension) arithmetic.
 */
final class PersonalizeQuery extends Query {

    /**
     * Where candidates come from. The queries are already restricted to the allowed documents
     * (filter, heard exclusion); popularity and collaborative candidates are taken among them.
     */
    record Sources(LazyQuery lexical, LazyQuery semanticKnn, List<InterestCandidates.Search> interestSearches, boolean popularity, boolean collaborative, AllowedDocsQuery allowed) {}

    /** The fields read for exact scoring. */
    record Fields(String textVector, String audioVector, String popularity, boolean popularityIsFloatingPoint) {}

    private final Sources sources;
    private final Fields fields;
    private final float[] queryVector;
    private final ListenerInterests interests;
    private final BlendWeights weights;
    private final ScoreNormalization normalization;
    private final float lexicalPivot;
    private final float popularityPivot;
    private final int k;
    private final String queryText;
    /** The learned ranker in use, or null for the weighted blend. */
    private final RankerModel learned;

    PersonalizeQuery(
        Sources sources,
        Fields fields,
        float[] queryVector,
        ListenerInterests interests,
        BlendWeights weights,
        ScoreNormalization normalization,
        float lexicalPivot,
        float popularityPivot,
        int k,
        String queryText,
        RankerModel learned
    ) {
        this.sources = sources;
        this.fields = fields;
        this.queryVector = queryVector;
        this.interests = interests;
        this.weights = weights;
        this.normalization = normalization;
        this.lexicalPivot = lexicalPivot;
        this.popularityPivot = popularityPivot;
        this.k = k;
        this.queryText = queryText;
        this.learned = learned;
    }

    /**
     * All the work happens here rather than in {@link #rewrite}: OpenSearch rewrites the query again
     * for the fetch phase of each shard, which needs no weight unless it explains (as the k-NN
     * plugin's Lucene query also searches when its weight is created).
     */
    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        return blendedScores(searcher).createWeight(searcher, scoreMode, boost);
    }

    /** Gathers the candidates and scores them: the query as a fixed set of scored documents of this searcher's reader. */
    private BlendedScoresQuery blendedScores(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        TreeMap<Integer, ScoreBreakdown> candidates = new TreeMap<>();
        Query lexical = sources.lexical() == null ? null : sources.lexical().get();
        List<Query> all = new ArrayList<>();
        if (lexical != null) {
            all.add(lexical);
        }
        if (sources.semanticKnn() != null) {
            all.add(sources.semanticKnn().get());
        }
        for (Query source : all) {
            ScoreDoc[] hits = searcher.search(source, k).scoreDocs;
            for (ScoreDoc hit : hits) {
                candidates.computeIfAbsent(hit.doc, d -> new ScoreBreakdown());
            }
        }
        List<LeafReaderContext> leaves = reader.leaves();
        CandidateCosines cosines = new CandidateCosines(leaves, fields.textVector(), interests.interests(), queryVector);
        // per segment (by ord), the documents of the co-listening candidates: found once, used for candidates and scoring
        List<Map<Integer, ListenerInterests.CollaborativeCandidate>> collaborativeByLeaf = new ArrayList<>();
        for (LeafReaderContext leaf : leaves) {
            collaborativeByLeaf.add(sources.collaborative() ? CollaborativeLookup.inLeaf(leaf, interests.collaborative()) : Map.of());
        }
        if (sources.collaborative()) {
            for (LeafReaderContext leaf : leaves) {
                FixedBitSet allowed = sources.allowed().bits(searcher, leaf);
                for (int doc : collaborativeByLeaf.get(leaf.ord).keySet()) {
                    if (allowed.get(doc)) {
                        candidates.computeIfAbsent(leaf.docBase + doc, d -> new ScoreBreakdown());
                    }
                }
            }
        }
        if (sources.popularity()) {
            for (int doc : PopularDocs.top(leaves, fields.popularity(), k, leaf -> sources.allowed().bits(searcher, leaf))) {
                candidates.computeIfAbsent(doc, d -> new ScoreBreakdown());
            }
        }
        if (sources.interestSearches().isEmpty() == false) {
            Set<Integer> found = new HashSet<>(candidates.keySet());
            InterestCandidates.InterestValues values = new InterestCandidates.InterestValues(cosines, interests.interests(), k);
            new InterestCandidates(searcher, k, values).gather(sources.interestSearches(), found);
            for (int doc : found) {
                candidates.computeIfAbsent(doc, d -> new ScoreBreakdown());
            }
        }
        int[] docs = candidates.keySet().stream().mapToInt(Integer::intValue).toArray();
        ScoreBreakdown[] breakdowns = candidates.values().toArray(new ScoreBreakdown[0]);
        if (docs.length > 0) {
            cosines.add(docs);
            computeComponents(searcher, lexical, docs, breakdowns, cosines, collaborativeByLeaf);
            blend(breakdowns);
        }
        float[] scores = new float[docs.length];
        for (int i = 0; i < docs.length; i++) {
            scores[i] = breakdowns[i].score;
        }
        return new BlendedScoresQuery(
            docs,
            scores,
            index -> breakdowns[index].explain(weights, normalization, interests.strategy(), queryText, learned),
            reader.getContext().id()
        );
    }

    private void computeComponents(
        IndexSearcher searcher,
        Query lexical,
        int[] docs,
        ScoreBreakdown[] breakdowns,
        CandidateCosines cosines,
        List<Map<Integer, ListenerInterests.CollaborativeCandidate>> collaborativeByLeaf
    ) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Weight lexicalWeight = lexical == null ? null : searcher.createWeight(searcher.rewrite(lexical), ScoreMode.COMPLETE, 1f);
        ExactScorer exact = new ExactScorer(cosines);
        int i = 0;
        while (i < docs.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            int end = i;
            while (end < docs.length && docs[end] < leaf.docBase + leaf.reader().maxDoc()) {
                end++;
            }
            exact.scoreLeaf(leaf, lexicalWeight, collaborativeByLeaf.get(leaf.ord), docs, breakdowns, i, end);
            i = end;
        }
    }

    /** Computes the raw components of candidates; the text cosines come from {@link CandidateCosines}, which has every candidate. */
    private final class ExactScorer {
        private final CandidateCosines cosines;
        private final UnitVector audioTaste = interests.audioInterest() == null ? null : UnitVector.of(interests.audioInterest());
        private final InterestMatcher matcher = new InterestMatcher(interests.interests());

        ExactScorer(CandidateCosines cosines) {
            this.cosines = cosines;
        }

        /** Fills the raw components of the candidates {@code [from, to)}, all in {@code leaf}, in doc order. */
        void scoreLeaf(
            LeafReaderContext leaf,
            Weight lexicalWeight,
            Map<Integer, ListenerInterests.CollaborativeCandidate> collaborative,
            int[] docs,
            ScoreBreakdown[] breakdowns,
            int from,
            int to
        ) throws IOException {
            Scorer lexicalScorer = lexicalWeight == null ? null : lexicalWeight.scorer(leaf);
            StoredVectorReader audio = fields.audioVector() == null || audioTaste == null ? null : StoredVectorReader.open(leaf, fields.audioVector());
            SortedNumericDocValues popularity = fields.popularity() == null ? null : leaf.reader().getSortedNumericDocValues(fields.popularity());
            for (int c = from; c < to; c++) {
                int doc = docs[c] - leaf.docBase;
                ScoreBreakdown breakdown = breakdowns[c];
                if (lexicalScorer != null) {
                    int at = lexicalScorer.iterator().docID() < doc ? lexicalScorer.iterator().advance(doc) : lexicalScorer.iterator().docID();
                    breakdown.lexicalRaw = at == doc ? lexicalScorer.score() : 0f;
                }
                float[] text = cosines.of(docs[c]);
                if (text != CandidateCosines.NO_VECTOR) {
                    if (queryVector != null) {
                        breakdown.semanticCosine = cosines.query(text);
                    }
                    InterestMatcher.Match match = matcher.fromCosines(text);
                    if (match != null) {
                        breakdown.interestCosine = match.cosine();
                        breakdown.interestValue = match.value();
                        breakdown.interestLabel = match.label();
                    }
                }
                float[] sound = audio == null ? null : audio.vectorOf(doc);
                if (sound != null) {
                    breakdown.audioCosine = audioTaste.cosine(sound, UnitVector.norm(sound));
                }
                if (popularity != null && popularity.advanceExact(doc) && popularity.docValueCount() > 0) {
                    long raw = popularity.nextValue();
                    breakdown.popularityRaw = fields.popularityIsFloatingPoint() ? NumericUtils.sortableLongToDouble(raw) : raw;
                }
                ListenerInterests.CollaborativeCandidate alsoLiked = collaborative.get(doc);
                if (alsoLiked != null) {
                    breakdown.collaborativeRaw = alsoLiked.value();
                    breakdown.collaborativeBecause = alsoLiked.because();
                }
            }
        }
    }

    private void blend(ScoreBreakdown[] breakdowns) {
        for (ScoreBreakdown b : breakdowns) {
            b.lexical = Float.isNaN(b.lexicalRaw) ? 0 : ScoreNormalization.saturate(b.lexicalRaw, lexicalPivot);
            b.semantic = Float.isNaN(b.semanticCosine) ? 0 : ScoreNormalization.clipCosine(b.semanticCosine);
            b.interest = Float.isNaN(b.interestCosine) ? 0 : ScoreNormalization.clipCosine(b.interestValue);
            b.audio = Float.isNaN(b.audioCosine) ? 0 : ScoreNormalization.clipCosine(b.audioCosine);
            b.popularity = Double.isNaN(b.popularityRaw) ? 0 : ScoreNormalization.popularity(b.popularityRaw, popularityPivot);
            b.collaborative = Float.isNaN(b.collaborativeRaw) ? 0 : b.collaborativeRaw; // already in (0, 1]: share of the listener's best
        }
        if (learned != null) {
            // the model scores the personal components as saturation normalizes them, whatever the
            // normalization of the query's own components (it was trained on those values)
            for (ScoreBreakdown b : breakdowns) {
                b.learned = (float) learned.score(PersonalFeatures.ordered(b.interest, b.audio, b.popularity, b.collaborative));
            }
        }
        if (normalization == ScoreNormalization.RRF) {
            toReciprocalRanks(breakdowns);
        }
        for (ScoreBreakdown b : breakdowns) {
            float query = weights.lexical() * b.lexical + weights.semantic() * b.semantic;
            b.score = learned != null
                ? query + b.learned
                : query + weights.interest() * b.interest + weights.audio() * b.audio + weights.popularity() * b.popularity
                    + weights.collaborative() * b.collaborative;
        }
    }

    /** Replaces each component's value by 1 / (60 + rank) among the candidates (0 stays 0). */
    private static void toReciprocalRanks(ScoreBreakdown[] breakdowns) {
        rank(breakdowns, b -> b.lexical, (b, v) -> b.lexical = v);
        rank(breakdowns, b -> b.semantic, (b, v) -> b.semantic = v);
        rank(breakdowns, b -> b.interest, (b, v) -> b.interest = v);
        rank(breakdowns, b -> b.audio, (b, v) -> b.audio = v);
        rank(breakdowns, b -> b.popularity, (b, v) -> b.popularity = v);
        rank(breakdowns, b -> b.collaborative, (b, v) -> b.collaborative = v);
    }

    private interface Getter {
        float get(ScoreBreakdown b);
    }

    private interface Setter {
        void set(ScoreBreakdown b, float value);
    }

    private static void rank(ScoreBreakdown[] breakdowns, Getter getter, Setter setter) {
        Integer[] order = new Integer[breakdowns.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(getter.get(breakdowns[b]), getter.get(breakdowns[a])));
        Map<Integer, Float> reciprocal = new HashMap<>();
        for (int r = 0; r < order.length; r++) {
            float value = getter.get(breakdowns[order[r]]);
            reciprocal.put(order[r], value > 0 ? ScoreNormalization.rrf(r + 1) : 0f);
        }
        reciprocal.forEach((index, value) -> setter.set(breakdowns[index], value));
    }

    @Override
    public String toString(String field) {
        return "personalize(strategy=" + interests.strategy().label() + ", k=" + k + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        if (!sameClassAs(other)) {
            return false;
        }
        PersonalizeQuery that = (PersonalizeQuery) other;
        return k == that.k
            && Float.compare(lexicalPivot, that.lexicalPivot) == 0
            && sources.equals(that.sources)
            && fields.equals(that.fields)
            && Arrays.equals(queryVector, that.queryVector)
            && interests.equals(that.interests)
            && weights.equals(that.weights)
            && normalization == that.normalization
            && Objects.equals(queryText, that.queryText)
            && Objects.equals(learned, that.learned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), sources, fields, Arrays.hashCode(queryVector), weights, normalization, k, queryText);
    }
}
