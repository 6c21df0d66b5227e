package com.podcastpersonalize.query;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The interest source of the {@code personalize} query on one shard: documents with the best
 * interest values (the best strength-weighted cosine over the listener's interests, as
 * {@link InterestMatcher} scores them), found with k-NN searches on the interest vectors.
 *
 * <p>A listener has up to about seven interests, and one k-NN search per interest cost most of the
 * query. Interests are searched strongest first, and each later one only as far as it can still
 * place a document among the {@code k} best interest values found so far (every candidate of every
 * source counts): an interest whose weight (its value for a cosine of 1) cannot beat the k-th best
 * value is not searched; otherwise a short probe search ({@value #PROBE_K} neighbours) comes first,
 * and the full search of {@code k} only when the probe's last, farthest neighbour still beats it
 * (the ones after it are farther still). So a weak interest, or one close to a stronger one, costs
 * a probe or nothing; distinct strong interests are searched as before.
 */
final class InterestCandidates {

    /** Neighbours of a probe search (its HNSW beam width too). */
    static final int PROBE_K = 10;

    /**
     * The searches of one interest.
     *
     * @param index which interest of the listener (see {@link ListenerInterests#interests()})
     * @param probe the k-NN search of {@link #PROBE_K} neighbours, or null (or building null) when probes do not
     *              apply (small k, a vector field whose method takes no {@code ef_search})
     * @param full  the k-NN search of k neighbours
     */
    record Search(int index, LazyQuery probe, LazyQuery full) {}

    private final IndexSearcher searcher;
    private final int k;
    private final InterestValues values;

    InterestCandidates(IndexSearcher searcher, int k, InterestValues values) {
        this.searcher = searcher;
        this.k = k;
        this.values = values;
    }

    /**
     * Adds the interest candidates to {@code candidates} (index reader doc ids), which holds the
     * other sources' candidates already.
     *
     * @param searches strongest interest first
     */
    void gather(List<Search> searches, Set<Integer> candidates) throws IOException {
        values.add(candidates);
        boolean searchedOne = false;
        for (Search search : searches) {
            float weight = values.weight(search.index());
            if (weight <= values.kthBest()) {
                continue; // even a cosine of 1 would not place a document among the k best
            }
            Query probe = searchedOne && search.probe() != null ? search.probe().get() : null;
            if (probe != null) {
                ScoreDoc[] probed = add(probe, PROBE_K, candidates);
                if (probed.length < PROBE_K) {
                    continue; // the probe found every allowed document with a vector
                }
                float farthest = weight * values.cosine(probed[probed.length - 1].doc, search.index());
                if (farthest <= values.kthBest()) {
                    continue;
                }
            }
            add(search.full().get(), k, candidates);
            searchedOne = true;
        }
    }

    private ScoreDoc[] add(Query knn, int n, Set<Integer> candidates) throws IOException {
        ScoreDoc[] hits = searcher.search(knn, n).scoreDocs;
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
            candidates.add(hits[i].doc);
        }
        values.add(docs);
        return hits;
    }

    /** Interest values of documents (from their {@link CandidateCosines}), and the k-th best of them. */
    static final class InterestValues {
        private final CandidateCosines cosines;
        private final float[] weights;
        private final int k;
        /** documents whose value was counted */
        private final Set<Integer> counted = new HashSet<>();
        private final PriorityQueue<Float> best = new PriorityQueue<>();

        InterestValues(List<LeafReaderContext> leaves, String vectorField, List<ListenerInterests.Interest> interests, int k) {
            this(new CandidateCosines(leaves, vectorField, interests, null), interests, k);
        }

        InterestValues(CandidateCosines cosines, List<ListenerInterests.Interest> interests, int k) {
            this.cosines = cosines;
            this.k = k;
            this.weights = new float[interests.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = InterestMatcher.weight(interests.get(i).strength());
            }
        }

        float weight(int interest) {
            return weights[interest];
        }

        /** The k-th best interest value among the documents added; -infinity while fewer than k. */
        float kthBest() {
            return best.size() < k ? Float.NEGATIVE_INFINITY : best.peek();
        }

        /** Cosine of an added document to one interest (0 when it has no vector). */
        float cosine(int doc, int interest) {
            float[] of = cosines.of(doc);
            return of == null || of == CandidateCosines.NO_VECTOR ? 0f : of[interest];
        }

        void add(Set<Integer> docs) throws IOException {
            add(docs.stream().mapToInt(Integer::intValue).toArray());
        }

        void add(int[] docs) throws IOException {
            cosines.add(docs);
            for (int doc : docs) {
                if (counted.add(doc)) {
                    remember(value(cosines.of(doc)));
                }
            }
        }

        /** The best strength-adjusted cosine over the interests; 0 without a vector. */
        private float value(float[] of) {
            if (of == CandidateCosines.NO_VECTOR) {
                return 0f;
            }
            float value = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < weights.length; i++) {
                value = Math.max(value, of[i] * weights[i]);
            }
            return value;
        }

        private void remember(float value) {
            if (best.size() < k) {
                best.add(value);
            } else if (value > best.peek()) {
                best.poll();
                best.add(value);
            }
        }
    }
}
