package com.podcastpersonalize.rescore;

import com.podcastpersonalize.query.CollaborativeLookup;
import com.podcastpersonalize.query.InterestMatcher;
import com.podcastpersonalize.query.ListenerInterests;
import com.podcastpersonalize.query.ScoreNormalization;
import com.podcastpersonalize.query.StoredVectorReader;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.NumericUtils;
import org.opensearch.search.rescore.RescoreContext;
import org.opensearch.search.rescore.Rescorer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rescores the top window of any query for one listener: the original score (saturated by a
 * fixed pivot, so that every shard and explain compute the same value), closeness to the listener's interests (from the hits' stored text vectors),
 * freshness decay, popularity and co-listening, each with its weight.
 *
 * <p>Walks the window in doc id order over the index leaves (the cheap direction for vectors and
 * doc values), then re-sorts by the new score. Cost: O(window x dimension).
 */
final class PersonalizeRescorer implements Rescorer {

    static final PersonalizeRescorer INSTANCE = new PersonalizeRescorer();

    /** The rescorer's view of one shard's request. */
    static final class Context extends RescoreContext {
        final PersonalizeRescoreSettings settings;
        final ListenerInterests interests;
        final boolean popularityIsFloatingPoint;
        final long now;

        Context(int windowSize, PersonalizeRescoreSettings settings, ListenerInterests interests, boolean popularityIsFloatingPoint, long now) {
            super(windowSize, INSTANCE);
            this.settings = settings;
            this.interests = interests;
            this.popularityIsFloatingPoint = popularityIsFloatingPoint;
            this.now = now;
        }
    }

    /** One hit's parts. */
    private static final class Parts {
        final ScoreDoc hit;
        final float original;
        InterestMatcher.Match interest;
        long publishedAt = Long.MIN_VALUE;
        double popularity = Double.NaN;
        ListenerInterests.CollaborativeCandidate alsoLiked;
        float query;
        float interestValue;
        float freshness;
        float popularityValue;
        float score;

        Parts(ScoreDoc hit) {
            this.hit = hit;
            this.original = hit.score;
        }
    }

    @Override
    public TopDocs rescore(TopDocs topDocs, IndexSearcher searcher, RescoreContext rescoreContext) throws IOException {
        Context context = (Context) rescoreContext;
        int window = Math.min(context.getWindowSize(), topDocs.scoreDocs.length);
        if (window == 0) {
            return topDocs;
        }
        List<Parts> parts = score(Arrays.asList(topDocs.scoreDocs).subList(0, window), searcher, context);
        parts.sort(Comparator.comparingDouble((Parts p) -> p.score).reversed().thenComparingInt(p -> p.hit.doc));
        ScoreDoc[] rescored = new ScoreDoc[topDocs.scoreDocs.length];
        for (int i = 0; i < window; i++) {
            ScoreDoc hit = parts.get(i).hit;
            hit.score = parts.get(i).score;
            rescored[i] = hit;
        }
        // hits past the window keep their order, below the window
        float floor = window > 0 ? rescored[window - 1].score : 0;
        for (int i = window; i < rescored.length; i++) {
            ScoreDoc hit = topDocs.scoreDocs[i];
            hit.score = Math.min(hit.score, Math.nextDown(floor));
            rescored[i] = hit;
        }
        return new TopDocs(topDocs.totalHits, rescored);
    }

    @Override
    public Explanation explain(int topLevelDocId, IndexSearcher searcher, RescoreContext rescoreContext, Explanation sourceExplanation) throws IOException {
        Context context = (Context) rescoreContext;
        ScoreDoc hit = new ScoreDoc(topLevelDocId, sourceExplanation.getValue().floatValue());
        Parts p = score(List.of(hit), searcher, context).get(0);
        PersonalizeRescoreSettings s = context.settings;
        List<Explanation> details = new ArrayList<>();
        details.add(Explanation.match(s.queryWeight() * p.query, String.format(Locale.ROOT, "query: weight %s x %.4f (score / (score + pivot %s))", s.queryWeight(), p.query, s.queryPivot()), sourceExplanation));
        if (p.interest != null) {
            String reason = "close to your interest in " + p.interest.label();
            details.add(Explanation.match(s.interestWeight() * p.interestValue, String.format(Locale.ROOT, "interest: weight %s x %.4f (cosine %.4f; %s)", s.interestWeight(), p.interestValue, p.interest.cosine(), reason)));
        }
        if (s.freshnessField() != null) {
            details.add(Explanation.match(s.freshnessWeight() * p.freshness, String.format(Locale.ROOT, "freshness: weight %s x %.4f (half-life %s)", s.freshnessWeight(), p.freshness, s.freshnessHalfLife())));
        }
        if (p.alsoLiked != null && s.collaborativeWeight() > 0) {
            details.add(Explanation.match(s.collaborativeWeight() * p.alsoLiked.value(), String.format(Locale.ROOT, "collaborative: weight %s x %.4f (listeners of '%s' also liked this)", s.collaborativeWeight(), p.alsoLiked.value(), p.alsoLiked.because())));
        }
        if (s.popularityField() != null) {
            details.add(Explanation.match(s.popularityWeight() * p.popularityValue, String.format(Locale.ROOT, "popularity: weight %s x %.4f (%s = %s)", s.popularityWeight(), p.popularityValue, s.popularityField(), Double.isNaN(p.popularity) ? "missing" : String.valueOf(p.popularity))));
        }
        return Explanation.match(p.score, "personalize rescore [strategy=" + context.interests.strategy().label() + "]", details);
    }

    private List<Parts> score(List<ScoreDoc> hits, IndexSearcher searcher, Context context) throws IOException {
        PersonalizeRescoreSettings s = context.settings;
        List<Parts> parts = new ArrayList<>(hits.size());
        for (ScoreDoc hit : hits) {
            parts.add(new Parts(hit));
        }
        List<Parts> byDoc = new ArrayList<>(parts);
        byDoc.sort(Comparator.comparingInt(p -> p.hit.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        InterestMatcher matcher = new InterestMatcher(context.interests.interests());
        int i = 0;
        while (i < byDoc.size()) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc.get(i).hit.doc, leaves));
            StoredVectorReader vectors = StoredVectorReader.open(leaf, s.vectorField());
            SortedNumericDocValues dates = s.freshnessField() == null ? null : leaf.reader().getSortedNumericDocValues(s.freshnessField());
            SortedNumericDocValues popularity = s.popularityField() == null ? null : leaf.reader().getSortedNumericDocValues(s.popularityField());
            Map<Integer, ListenerInterests.CollaborativeCandidate> collaborative = s.collaborativeWeight() > 0
                ? CollaborativeLookup.inLeaf(leaf, context.interests.collaborative())
                : Map.of();
            int end = leaf.docBase + leaf.reader().maxDoc();
            for (; i < byDoc.size() && byDoc.get(i).hit.doc < end; i++) {
                Parts p = byDoc.get(i);
                int doc = p.hit.doc - leaf.docBase;
                float[] vector = vectors == null ? null : vectors.vectorOf(doc);
                p.interest = vector == null ? null : matcher.best(vector);
                if (dates != null && dates.advanceExact(doc)) {
                    p.publishedAt = dates.nextValue();
                }
                if (popularity != null && popularity.advanceExact(doc)) {
                    long raw = popularity.nextValue();
                    p.popularity = context.popularityIsFloatingPoint ? NumericUtils.sortableLongToDouble(raw) : raw;
                }
                p.alsoLiked = collaborative.get(doc);
            }
        }
        double halfLife = s.freshnessHalfLife().millis();
        for (Parts p : parts) {
            p.query = ScoreNormalization.saturate(p.original, s.queryPivot());
            p.interestValue = p.interest == null ? 0 : ScoreNormalization.clipCosine(p.interest.value());
            p.freshness = p.publishedAt == Long.MIN_VALUE ? 0 : (float) Math.pow(0.5, Math.max(0, context.now - p.publishedAt) / halfLife);
            p.popularityValue = Double.isNaN(p.popularity) ? 0 : ScoreNormalization.popularity(p.popularity, s.popularityPivot());
            p.score = s.queryWeight() * p.query + s.interestWeight() * p.interestValue + s.freshnessWeight() * p.freshness
                + s.popularityWeight() * p.popularityValue + s.collaborativeWeight() * (p.alsoLiked == null ? 0 : p.alsoLiked.value());
        }
        return parts;
    }
}
