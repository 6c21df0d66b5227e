package com.podcastpersonalize.diversify;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a few fields of a hit's {@code _source} in one streaming pass over its bytes. Cheaper than
 * {@code SearchHit#getSourceAsMap()}, which would turn every field into objects (long texts, other
 * vectors) and keep that map alive with the hit until the response is written.
 *
 * <p>A path names nested objects ({@code {"a": {"b": 1}}}), dotted keys ({@code {"a.b": 1}}) or a
 * mix: the source is read as flattened dotted names. Paths through arrays of objects are ambiguous
 * and are not followed.
 */
final class SourceFields {

    private SourceFields() {}

    /** The values found at {@code paths}: arrays as lists, objects as maps; paths not in the source are absent. */
    static Map<String, Object> read(BytesReference source, Set<String> paths) throws IOException {
        Map<String, Object> found = new HashMap<>();
        try (
            XContentParser parser = XContentHelper.createParser(
                NamedXContentRegistry.EMPTY,
                DeprecationHandler.IGNORE_DEPRECATIONS,
                source,
                MediaTypeRegistry.xContentType(source)
            )
        ) {
            if (parser.nextToken() == XContentParser.Token.START_OBJECT) {
                readObject(parser, null, paths, found);
            }
        }
        return found;
    }

    /** Reads the object the parser stands at the start of, up to its end. */
    private static void readObject(XContentParser parser, String prefix, Set<String> paths, Map<String, Object> found) throws IOException {
        while (parser.nextToken() == XContentParser.Token.FIELD_NAME && found.size() < paths.size()) {
            String path = prefix == null ? parser.currentName() : prefix + "." + parser.currentName();
            XContentParser.Token token = parser.nextToken();
            if (paths.contains(path)) {
                found.put(path, value(parser, token));
            } else if (token == XContentParser.Token.START_OBJECT && leadsTo(path, paths)) {
                readObject(parser, path, paths, found);
            } else {
                parser.skipChildren();
            }
        }
    }

    private static boolean leadsTo(String path, Set<String> paths) {
        for (String wanted : paths) {
            if (wanted.length() > path.length() && wanted.startsWith(path) && wanted.charAt(path.length()) == '.') {
                return true;
            }
        }
        return false;
    }

    private static Object value(XContentParser parser, XContentParser.Token token) throws IOException {
        return switch (token) {
            case START_ARRAY -> parser.list();
            case START_OBJECT -> parser.map();
            case VALUE_NUMBER -> parser.numberValue();
            case VALUE_BOOLEAN -> parser.booleanValue();
            case VALUE_NULL -> null;
            default -> parser.text();
        };
    }
}
