package com.podcastpersonalize.collaborative;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The stored collaborative model: one document per episode ({@code _id} = episode id) with its
 * co-listening neighbours, in an index {@code <alias>-<generation>} behind the alias the setting
 * names, so that a new training replaces the model atomically while searches read the old one.
 * The training's figures are kept in the mapping's {@code _meta}.
 */
final class CollaborativeModelIndex {

    static final String EPISODE_ID = "episode_id";
    static final String TITLE = "title";
    static final String LIKERS = "likers";
    static final String NEIGHBOURS = "neighbours";
    static final String IDS = "ids";
    static final String SIMILARITIES = "similarities";

    private CollaborativeModelIndex() {}

    static String generation(String alias, long trainedAt) {
        return alias + "-" + trainedAt;
    }

    static XContentBuilder mapping(Map<String, Object> meta) {
        try {
            XContentBuilder b = JsonXContent.contentBuilder().startObject().field("dynamic", "strict");
            b.field("_meta", meta);
            b.startObject("properties");
            b.startObject(EPISODE_ID).field("type", "keyword").endObject();
            b.startObject(TITLE).field("type", "text").endObject();
            b.startObject(LIKERS).field("type", "integer").endObject();
            b.startObject(NEIGHBOURS).field("type", "object").field("enabled", false).endObject();
            return b.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XContentBuilder document(ItemSimilarities.Neighbours neighbours, String title) throws IOException {
        XContentBuilder b = JsonXContent.contentBuilder().startObject();
        b.field(EPISODE_ID, neighbours.episodeId());
        b.field(TITLE, title);
        b.field(LIKERS, neighbours.likers());
        b.startObject(NEIGHBOURS).array(IDS, neighbours.ids()).array(SIMILARITIES, neighbours.similarities()).endObject();
        return b.endObject();
    }
}
