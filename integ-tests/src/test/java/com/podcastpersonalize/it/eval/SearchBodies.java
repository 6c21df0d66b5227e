package com.podcastpersonalize.it.eval;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.List;

/** Pieces of search bodies the baselines share. */
public final class SearchBodies {

    private SearchBodies() {}

    /** {@code "<name>": {"bool": {"must_not": {"ids": {"values": [...]}}}}}: everything but the listener's training items. */
    public static XContentBuilder notAlreadySeen(XContentBuilder b, String name, List<String> trainItems) throws IOException {
        b.startObject(name).startObject("bool");
        return ids(b, "must_not", trainItems).endObject().endObject();
    }

    /** {@code "<name>": {"ids": {"values": [...]}}}. */
    static XContentBuilder ids(XContentBuilder b, String name, List<String> ids) throws IOException {
        return b.startObject(name).startObject("ids").field("values", ids).endObject().endObject();
    }
}
