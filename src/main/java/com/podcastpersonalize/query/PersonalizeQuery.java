package com.podcastpersonalize.query;


import com.podcastpersonalize.model.VectorMath;
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
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.NumericUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code personalize} clause as a Lucene query on one shard.
 *
 * <p>On rewrite it gathers candidates (top {@code k} of each source: BM25, k-NN with the query
 * vector, k-NN with each interest vector, the most popular, the listener's collaborative
 * candidates), then computes every component
 * exactly for every candidate (BM25 by advancing its scorer, cosines from the stored vectors,
 * popularity from doc values), normalizes, blends with the weights, and rewrites to the fixed
 * scored set. Cost: one search per candidate source plus O(candidates x dimension) arithmetic.
 */
final class PersonalizeQuery extends Query {

    /** Where candidates come from; each is already restricted by the filter and the heard exclusion. */
    record Sources(Query lexical, Query semanticKnn, List<Query> interestKnn, Query popularityCandidates, Query collaborative) {}

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

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        TreeMap<Integer, ScoreBreakdown> candidates = new TreeMap<>();
        List<Query> all = new ArrayList<>();
        if (sources.lexical() != null) {
            all.add(sources.lexical());
        }
        if (sources.semanticKnn() != null) {
            all.add(sources.semanticKnn());
        }
        all.addAll(sources.interestKnn());
        for (Query source : all) {
            for (ScoreDoc hit : searcher.search(source, k).scoreDocs) {
                candidates.computeIfAbsent(hit.doc, d -> new ScoreBreakdown());
            }
        }
        if (sources.collaborative() != null) {
            int wanted = Math.max(1, interests.collaborative().size());
            for (ScoreDoc hit : searcher.search(sources.collaborative(), wanted).scoreDocs) {
                candidates.computeIfAbsent(hit.doc, d -> new ScoreBreakdown());
            }
        }
        if (sources.popularityCandidates() != null) {
            SortField byPopularity = new SortedNumericSortField(
                fields.popularity(),
                fields.popularityIsFloatingPoint() ? SortField.Type.DOUBLE : SortField.Type.LONG,
                true
            );
            TopDocs popular = searcher.search(sources.popularityCandidates(), k, new Sort(byPopularity, SortField.FIELD_DOC));
            for (ScoreDoc hit : popular.scoreDocs) {
                candidates.computeIfAbsent(hit.doc, d -> new ScoreBreakdown());
            }
        }
        int[] docs = candidates.keySet().stream().mapToInt(Integer::intValue).toArray();
        ScoreBreakdown[] breakdowns = candidates.values().toArray(new ScoreBreakdown[0]);
        if (docs.length > 0) {
            computeComponents(searcher, docs, breakdowns);
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

    private void computeComponents(IndexSearcher searcher, int[] docs, ScoreBreakdown[] breakdowns) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Weight lexicalWeight = sources.lexical() == null
            ? null
            : searcher.createWeight(searcher.rewrite(sources.lexical()), ScoreMode.COMPLETE, 1f);
        int i = 0;
        while (i < docs.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
            int end = i;
            while (end < docs.length && docs[end] < leaf.docBase + leaf.reader().maxDoc()) {
                end++;
            }
            scoreLeaf(leaf, lexicalWeight, docs, breakdowns, i, end);
            i = end;
        }
    }

    /** Fills the raw components of the candidates {@code [from, to)}, all in {@code leaf}, in doc order. */
    private void scoreLeaf(LeafReaderContext leaf, Weight lexicalWeight, int[] docs, ScoreBreakdown[] breakdowns, int from, int to)
        throws IOException {
        Scorer lexicalScorer = lexicalWeight == null ? null : lexicalWeight.scorer(leaf);
        StoredVectorReader text = StoredVectorReader.open(leaf, fields.textVector());
        StoredVectorReader audio = fields.audioVector() == null ? null : StoredVectorReader.open(leaf, fields.audioVector());
        InterestMatcher matcher = new InterestMatcher(interests.interests());
        SortedNumericDocValues popularity = fields.popularity() == null ? null : leaf.reader().getSortedNumericDocValues(fields.popularity());
        Map<Integer, ListenerInterests.CollaborativeCandidate> collaborative = weights.collaborative() > 0 || learned != null
            ? CollaborativeLookup.inLeaf(leaf, interests.collaborative())
            : Map.of();
        for (int c = from; c < to; c++) {
            int doc = docs[c] - leaf.docBase;
            ScoreBreakdown breakdown = breakdowns[c];
            if (lexicalScorer != null) {
                int at = lexicalScorer.iterator().docID() < doc ? lexicalScorer.iterator().advance(doc) : lexicalScorer.iterator().docID();
                breakdown.lexicalRaw = at == doc ? lexicalScorer.score() : 0f;
            }
            float[] vector = text == null ? null : text.vectorOf(doc);
            if (vector != null) {
                if (queryVector != null) {
                    breakdown.semanticCosine = (float) VectorMath.cosine(vector, queryVector);
                }
                InterestMatcher.Match match = matcher.best(vector);
                if (match != null) {
                    breakdown.interestCosine = match.cosine();
                    breakdown.interestValue = match.value();
                    breakdown.interestLabel = match.label();
                }
            }
            float[] sound = audio == null || interests.audioInterest() == null ? null : audio.vectorOf(doc);
            if (sound != null) {
                breakdown.audioCosine = (float) VectorMath.cosine(sound, interests.audioInterest());
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
