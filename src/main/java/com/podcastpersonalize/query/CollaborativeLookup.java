package com.podcastpersonalize.query;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.opensearch.index.mapper.IdFieldMapper;
import org.opensearch.index.mapper.Uid;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, in one segment, the documents of a listener's collaborative candidates by seeking their
 * {@code _id} terms: one terms-dictionary seek per candidate, no stored fields read.
 */
public final class CollaborativeLookup {

    private CollaborativeLookup() {}

    /** Segment doc id → candidate, for the live documents of {@code leaf} among {@code candidates}. */
    public static Map<Integer, ListenerInterests.CollaborativeCandidate> inLeaf(LeafReaderContext leaf, List<ListenerInterests.CollaborativeCandidate> candidates)
        throws IOException {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Terms ids = leaf.reader().terms(IdFieldMapper.NAME);
        if (ids == null) {
            return Map.of();
        }
        Bits live = leaf.reader().getLiveDocs();
        TermsEnum terms = ids.iterator();
        PostingsEnum postings = null;
        Map<Integer, ListenerInterests.CollaborativeCandidate> found = new HashMap<>();
        for (ListenerInterests.CollaborativeCandidate candidate : candidates) {
            if (!terms.seekExact(Uid.encodeId(candidate.episodeId()))) {
                continue;
            }
            postings = terms.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    found.put(doc, candidate);
                }
            }
        }
        return found;
    }
}
