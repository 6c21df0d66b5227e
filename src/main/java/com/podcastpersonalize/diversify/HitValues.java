package com.podcastpersonalize.diversify;

import org.opensearch.common.document.DocumentField;
import org.opensearch.search.SearchHit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the values of a search hit at some field paths: from the hit's {@code fields} first (what
 * the request asked for with {@code fields} or {@code docvalue_fields}, which works when
 * {@code _source} is disabled or filtered), then from its {@code _source} ({@link SourceFields}).
 */
final class HitValues {

    private HitValues() {}

    /** The value at each path that the hit carries: a list for {@code fields} values; paths it lacks are absent. */
    static Map<String, Object> read(SearchHit hit, Set<String> paths) {
        Map<String, Object> values = new HashMap<>();
        Set<String> fromSource = new HashSet<>();
        for (String path : paths) {
            DocumentField field = hit.getFields().get(path);
            if (field != null) {
                values.put(path, field.getValues());
            } else {
                fromSource.add(path);
            }
        }
        if (fromSource.isEmpty() == false && hit.hasSource()) {
            try {
                values.putAll(SourceFields.read(hit.getSourceRef(), fromSource));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the _source of hit [" + hit.getId() + "]", e);
            }
        }
        return values;
    }
}
