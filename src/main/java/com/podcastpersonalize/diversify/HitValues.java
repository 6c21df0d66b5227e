package com.podcastpersonalize.diversify;

import org.opensearch.common.document.DocumentField;
import org.opensearch.search.SearchHit;

import java.util.Map;

/**
 * Reads one value of a search hit by field path: from the hit's {@code fields} first (what the
 * request asked for with {@code fields} or {@code docvalue_fields}, which works when {@code _source}
 * is disabled or filtered), then from its {@code _source}.
 */
final class HitValues {

    private HitValues() {}

    /** The value at {@code path}, a list for {@code fields} values; null when the hit does not carry it. */
    static Object read(SearchHit hit, String path) {
        DocumentField field = hit.getFields().get(path);
        if (field != null) {
            return field.getValues();
        }
        return hit.hasSource() ? find(hit.getSourceAsMap(), path) : null;
    }

    /**
     * The value at a dotted path in a source map, whether the source nests objects
     * ({@code {"a": {"b": 1}}}) or has dotted keys ({@code {"a.b": 1}}), or mixes both.
     * A path through an array of objects is ambiguous and gives null.
     */
    static Object find(Map<?, ?> source, String path) {
        if (source.containsKey(path)) {
            return source.get(path);
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            if (source.get(path.substring(0, dot)) instanceof Map<?, ?> inner) {
                Object found = find(inner, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
