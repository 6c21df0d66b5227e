package com.podcastpersonalize.query;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cosines of one search's candidate documents to each of the listener's interests and to the query
 * vector, read from their stored text vectors once per document: the interest source ranks
 * candidates by them while it gathers, and exact scoring uses them again.
 */
final class CandidateCosines {

    /** The cosines of a document without a vector. */
    static final float[] NO_VECTOR = new float[0];

    private final List<LeafReaderContext> leaves;
    private final String vectorField;
    private final UnitVector[] targets;
    private final boolean hasQuery;
    /** per index reader doc id: the cosine to each interest, then to the query vector when there is one */
    private final Map<Integer, float[]> byDoc = new HashMap<>();

    /** @param queryVector null when the search has no query vector */
    CandidateCosines(List<LeafReaderContext> leaves, String vectorField, List<ListenerInterests.Interest> interests, float[] queryVector) {
        this.leaves = leaves;
        this.vectorField = vectorField;
        this.hasQuery = queryVector != null;
        this.targets = new UnitVector[interests.size() + (hasQuery ? 1 : 0)];
        for (int i = 0; i < interests.size(); i++) {
            targets[i] = UnitVector.of(interests.get(i).vector());
        }
        if (hasQuery) {
            targets[interests.size()] = UnitVector.of(queryVector);
        }
    }

    /** Reads the vectors of the documents (index reader doc ids, any order) not read yet. */
    void add(int[] docs) throws IOException {
        int[] fresh = Arrays.stream(docs).filter(doc -> byDoc.containsKey(doc) == false).sorted().distinct().toArray();
        int i = 0;
        while (i < fresh.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(fresh[i], leaves));
            StoredVectorReader vectors = StoredVectorReader.open(leaf, vectorField);
            for (; i < fresh.length && fresh[i] < leaf.docBase + leaf.reader().maxDoc(); i++) {
                float[] vector = vectors == null ? null : vectors.vectorOf(fresh[i] - leaf.docBase);
                byDoc.put(fresh[i], vector == null ? NO_VECTOR : cosines(vector));
            }
        }
    }

    private float[] cosines(float[] vector) {
        float norm = UnitVector.norm(vector);
        float[] of = new float[targets.length];
        for (int t = 0; t < targets.length; t++) {
            of[t] = targets[t].cosine(vector, norm);
        }
        return of;
    }

    /**
     * The cosines of an added document: one per interest, in the listener's order, then the query
     * vector's ({@link #query}); {@link #NO_VECTOR} when it has no vector; null when it was not added.
     */
    float[] of(int doc) {
        return byDoc.get(doc);
    }

    /** The cosine to the query vector among a document's cosines (there must be a query vector and a document vector). */
    float query(float[] cosines) {
        assert hasQuery && cosines != NO_VECTOR;
        return cosines[cosines.length - 1];
    }
}
