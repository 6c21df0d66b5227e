package com.podcastpersonalize.query;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.PriorityQueue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The popularity candidates of the {@code personalize} query: the {@code k} most popular allowed
 * documents of a shard, highest first, ties by doc id, a document without a value counting as 0
 * (exactly what sorting the allowed documents on the field gives).
 *
 * <p>Sorting every document per query costs O(documents). Instead each segment's most popular
 * documents are ranked once and kept with the segment: a segment never changes, and its entry is
 * dropped when the segment closes. A query takes the first {@code k} ranked documents it allows;
 * only when fewer than {@code k} of them pass its filter does it rank that whole segment again.
 */
final class PopularDocs {

    /** Documents ranked per segment: at least this many, and {@value #RANKED_PER_K} x k for a larger k. */
    static final int MIN_RANKED = 1024;
    static final int RANKED_PER_K = 8;

    /** A segment's most popular documents, most popular first; popularity as a sortable long (doubles in their sortable encoding). */
    record Ranking(int[] docs, long[] values, boolean wholeSegment) {}

    private record Key(Object segmentCore, String field) {}

    /** Shared by every search of the node; entries live as long as their segment. */
    private static final Map<Key, Ranking> RANKINGS = new ConcurrentHashMap<>();

    private PopularDocs() {}

    /**
     * The shard's {@code k} most popular documents among {@code allowed}, as index reader doc ids
     * in popularity order.
     *
     * @param field the numeric popularity field, or null when it is not mapped (then every document counts 0)
     */
    static int[] top(List<LeafReaderContext> leaves, String field, int k, AllowedDocsBits allowed) throws IOException {
        List<long[]> found = new ArrayList<>(); // {value, index reader doc id}
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet bits = allowed.of(leaf);
            Ranking ranking = rankingFor(leaf, field, k);
            List<long[]> fromLeaf = firstAllowed(ranking, bits, k, leaf.docBase);
            if (fromLeaf.size() < k && ranking.wholeSegment() == false) {
                fromLeaf = firstAllowed(rank(leaf, field, k, bits), bits, k, leaf.docBase);
            }
            found.addAll(fromLeaf);
        }
        found.sort(Comparator.<long[]>comparingLong(e -> e[0]).reversed().thenComparingLong(e -> e[1]));
        int[] docs = new int[Math.min(k, found.size())];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = (int) found.get(i)[1];
        }
        return docs;
    }

    /** The allowed documents of a segment (see {@link AllowedDocsQuery}). */
    @FunctionalInterface
    interface AllowedDocsBits {
        FixedBitSet of(LeafReaderContext leaf) throws IOException;
    }

    private static List<long[]> firstAllowed(Ranking ranking, FixedBitSet allowed, int k, int docBase) {
        List<long[]> found = new ArrayList<>(k);
        for (int i = 0; i < ranking.docs().length && found.size() < k; i++) {
            if (allowed.get(ranking.docs()[i])) {
                found.add(new long[] { ranking.values()[i], docBase + ranking.docs()[i] });
            }
        }
        return found;
    }

    /** The cached ranking of this segment, (re)computed when missing or too short for {@code k}. */
    static Ranking rankingFor(LeafReaderContext leaf, String field, int k) throws IOException {
        int wanted = Math.min(leaf.reader().maxDoc(), Math.max(MIN_RANKED, RANKED_PER_K * k));
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        if (core == null) {
            return rank(leaf, field, wanted, null);
        }
        Key key = new Key(core.getKey(), field);
        Ranking cached = RANKINGS.get(key);
        if (cached != null && (cached.wholeSegment() || cached.docs().length >= wanted)) {
            return cached;
        }
        Ranking ranking = rank(leaf, field, wanted, null);
        RANKINGS.put(key, ranking);
        core.addClosedListener(closed -> RANKINGS.remove(key));
        return ranking;
    }

    /** The {@code n} most popular documents of the segment, among {@code only} when not null. */
    static Ranking rank(LeafReaderContext leaf, String field, int n, FixedBitSet only) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        SortedNumericDocValues values = field == null ? DocValues.emptySortedNumeric() : DocValues.getSortedNumeric(leaf.reader(), field);
        PriorityQueue<long[]> best = new PriorityQueue<>(Math.max(1, Math.min(n, maxDoc))) {
            @Override
            protected boolean lessThan(long[] a, long[] b) { // the least popular on top, to be replaced first
                return a[0] != b[0] ? a[0] < b[0] : a[1] > b[1];
            }
        };
        long[] spare = null;
        int considered = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
            if (only != null && only.get(doc) == false) {
                continue;
            }
            considered++;
            // the smallest value of a multi-valued field, as the sort on it uses; no value counts 0
            long value = values.advanceExact(doc) ? values.nextValue() : 0L;
            if (spare == null) {
                spare = new long[2];
            }
            spare[0] = value;
            spare[1] = doc;
            spare = best.insertWithOverflow(spare);
        }
        int size = best.size();
        int[] docs = new int[size];
        long[] popularity = new long[size];
        for (int i = size - 1; i >= 0; i--) {
            long[] top = best.pop();
            docs[i] = (int) top[1];
            popularity[i] = top[0];
        }
        return new Ranking(docs, popularity, only == null && size == considered);
    }
}
