package com.podcastpersonalize.query;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The scored form of {@link PersonalizeQuery} on one shard: a fixed set of documents (by index
 * reader doc id, ascending) with their blended scores, like the query Lucene's k-NN search rewrites
 * to. Valid only for the reader it was computed on.
 */
final class BlendedScoresQuery extends Query {

    private final int[] docs;
    private final float[] scores;
    private final Function<Integer, Explanation> explainer;
    private final Object readerIdentity;

    BlendedScoresQuery(int[] sortedDocs, float[] scores, Function<Integer, Explanation> explainer, Object readerIdentity) {
        this.docs = sortedDocs;
        this.scores = scores;
        this.explainer = explainer;
        this.readerIdentity = readerIdentity;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        IndexReader reader = searcher.getIndexReader();
        if (reader.getContext().id() != readerIdentity) {
            throw new IllegalStateException("personalize scores were computed on another index reader");
        }
        return new Weight(this) {
            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                int index = Arrays.binarySearch(docs, context.docBase + doc);
                if (index < 0) {
                    return Explanation.noMatch("not among the personalize candidates");
                }
                Explanation explanation = explainer.apply(index);
                return boost == 1f ? explanation : Explanation.match(explanation.getValue().floatValue() * boost, "boost " + boost, explanation);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                int from = lowerBound(context.docBase);
                int to = lowerBound(context.docBase + context.reader().maxDoc());
                if (from == to) {
                    return null;
                }
                Scorer scorer = new FixedScorer(context.docBase, from, to, boost);
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        return scorer;
                    }

                    @Override
                    public long cost() {
                        return to - from;
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    /** Iterates the docs of one segment, positions {@code [from, to)} of the arrays. */
    private final class FixedScorer extends Scorer {
        private final int docBase;
        private final int from;
        private final int to;
        private final float boost;
        private int position;

        FixedScorer(int docBase, int from, int to, float boost) {
            this.docBase = docBase;
            this.from = from;
            this.to = to;
            this.boost = boost;
            this.position = from - 1;
        }

        @Override
        public int docID() {
            if (position < from) {
                return -1;
            }
            return position >= to ? DocIdSetIterator.NO_MORE_DOCS : docs[position] - docBase;
        }

        @Override
        public float score() {
            return scores[position] * boost;
        }

        @Override
        public float getMaxScore(int upTo) {
            float max = 0;
            for (int i = Math.max(from, position); i < to && docs[i] - docBase <= upTo; i++) {
                max = Math.max(max, scores[i] * boost);
            }
            return max;
        }

        @Override
        public DocIdSetIterator iterator() {
            return new DocIdSetIterator() {
                @Override
                public int docID() {
                    return FixedScorer.this.docID();
                }

                @Override
                public int nextDoc() {
                    position++;
                    return FixedScorer.this.docID();
                }

                @Override
                public int advance(int target) {
                    position = Math.max(position + 1, lowerBound(docBase + target));
                    return FixedScorer.this.docID();
                }

                @Override
                public long cost() {
                    return to - from;
                }
            };
        }
    }

    /** First position whose doc is >= {@code doc}. */
    private int lowerBound(int doc) {
        int index = Arrays.binarySearch(docs, doc);
        return index >= 0 ? index : -index - 1;
    }

    @Override
    public String toString(String field) {
        return "personalize_scores(" + docs.length + " docs)";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
            && Arrays.equals(docs, ((BlendedScoresQuery) other).docs)
            && Arrays.equals(scores, ((BlendedScoresQuery) other).scores)
            && readerIdentity == ((BlendedScoresQuery) other).readerIdentity;
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + 31 * Arrays.hashCode(docs) + Arrays.hashCode(scores);
    }
}
