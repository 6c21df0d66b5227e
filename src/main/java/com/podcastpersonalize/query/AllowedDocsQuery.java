package com.podcastpersonalize.query;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.opensearch.index.mapper.IdFieldMapper;
import org.opensearch.index.mapper.Uid;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents one {@code personalize} search may return on one shard: live, matching the
 * filter, and not among the heard episodes. Every candidate source is restricted by it (the
 * k-NN searches take it as their filter), so it is computed once per segment, as a bit set, and
 * shared: the heard exclusion costs one {@code _id} seek per episode instead of a filter
 * evaluation over the whole segment per source.
 *
 * <p>One instance serves one search request on one shard (it memoizes per segment); it is never
 * cached by Lucene's query cache.
 */
final class AllowedDocsQuery extends Query {

    private final Query filter;
    private final List<BytesRef> excludedIds;
    private final Map<Object, FixedBitSet> bySegment = new ConcurrentHashMap<>();
    private volatile Weight filterWeight;

    /**
     * @param filter      documents must match it; null for no filter
     * @param excludedIds {@code _id} values of the documents to leave out
     */
    AllowedDocsQuery(Query filter, List<String> excludedIds) {
        this.filter = filter;
        // in term order: each seek then starts from where the previous one left the terms dictionary
        this.excludedIds = excludedIds.stream().map(Uid::encodeId).sorted().toList();
    }

    /** The allowed documents of {@code leaf}, by segment doc id. */
    FixedBitSet bits(IndexSearcher searcher, LeafReaderContext leaf) throws IOException {
        Object key = leaf.reader().getCoreCacheHelper() == null ? leaf.reader() : leaf.reader().getCoreCacheHelper().getKey();
        FixedBitSet bits = bySegment.get(key);
        if (bits == null) {
            bits = compute(searcher, leaf);
            FixedBitSet raced = bySegment.putIfAbsent(key, bits);
            bits = raced == null ? bits : raced;
        }
        return bits;
    }

    private FixedBitSet compute(IndexSearcher searcher, LeafReaderContext leaf) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        FixedBitSet bits = new FixedBitSet(maxDoc);
        if (filter == null) {
            bits.set(0, maxDoc);
        } else {
            Scorer matching = filterWeight(searcher).scorer(leaf);
            if (matching != null) {
                bits.or(matching.iterator());
            }
        }
        Bits live = leaf.reader().getLiveDocs();
        if (live != null) {
            for (int doc = 0; doc < maxDoc; doc++) {
                if (live.get(doc) == false) {
                    bits.clear(doc);
                }
            }
        }
        clearExcluded(leaf, bits);
        return bits;
    }

    private Weight filterWeight(IndexSearcher searcher) throws IOException {
        Weight weight = filterWeight;
        if (weight == null) {
            weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
            filterWeight = weight;
        }
        return weight;
    }

    private void clearExcluded(LeafReaderContext leaf, FixedBitSet bits) throws IOException {
        if (excludedIds.isEmpty()) {
            return;
        }
        Terms ids = leaf.reader().terms(IdFieldMapper.NAME);
        if (ids == null) {
            return;
        }
        TermsEnum terms = ids.iterator();
        PostingsEnum postings = null;
        for (BytesRef id : excludedIds) {
            if (terms.seekExact(id)) {
                postings = terms.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    bits.clear(doc);
                }
            }
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                FixedBitSet allowed = bits(searcher, context);
                int count = allowed.cardinality();
                if (count == 0) {
                    return null;
                }
                Scorer scorer = new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(allowed, count));
                return new DefaultScorerSupplier(scorer);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    @Override
    public String toString(String field) {
        return "personalize_allowed(filter=" + filter + ", excluded=" + excludedIds.size() + ")";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    /** Identity: the memoized bit sets belong to this instance's request. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
