package com.podcastpersonalize.query;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;

import java.io.IOException;

/**
 * Reads the stored float vectors of one k-NN field in one segment, for documents visited in
 * increasing doc id order (the cheap direction for Lucene's iterators).
 */
public final class StoredVectorReader {

    private final FloatVectorValues values;
    private final KnnVectorValues.DocIndexIterator iterator;

    private StoredVectorReader(FloatVectorValues values) {
        this.values = values;
        this.iterator = values.iterator();
    }

    /** A reader for {@code field} in this segment, or null when the segment has no vectors for it. */
    public static StoredVectorReader open(LeafReaderContext leaf, String field) throws IOException {
        FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
        if (info == null || info.getVectorDimension() == 0) {
            return null;
        }
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        return values == null ? null : new StoredVectorReader(values);
    }

    /** The vector of segment-local {@code doc}, or null when it has none; docs must come in increasing order. */
    public float[] vectorOf(int doc) throws IOException {
        int at = iterator.docID() < doc ? iterator.advance(doc) : iterator.docID();
        return at == doc ? values.vectorValue(iterator.index()) : null;
    }
}
