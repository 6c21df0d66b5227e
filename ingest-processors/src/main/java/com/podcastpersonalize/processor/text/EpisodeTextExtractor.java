package com.podcastpersonalize.processor.text;

import org.opensearch.ingest.IngestDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of an episode's source fields, with the weight of each field, and refuses
 * values that are not text with a message naming the field.
 */
final class EpisodeTextExtractor {

    /** One field's text and its weight in the episode vector. */
    record FieldText(String field, String text, float weight) {}

    private final List<String> sourceFields;
    private final Map<String, Float> fieldWeights;
    private final boolean ignoreMissing;

    EpisodeTextExtractor(List<String> sourceFields, Map<String, Float> fieldWeights, boolean ignoreMissing) {
        this.sourceFields = List.copyOf(sourceFields);
        this.fieldWeights = Map.copyOf(fieldWeights);
        this.ignoreMissing = ignoreMissing;
    }

    /**
     * The non-blank texts of the source fields, in field order. An array of strings is one text,
     * its elements joined by newlines.
     *
     * @throws IllegalArgumentException for a value that is not text, or a missing field when missing fields are not ignored
     */
    List<FieldText> extract(IngestDocument document) {
        List<FieldText> texts = new ArrayList<>(sourceFields.size());
        for (String field : sourceFields) {
            Object value = document.hasField(field) ? document.getFieldValue(field, Object.class) : null;
            if (value == null) {
                if (!ignoreMissing) {
                    throw new IllegalArgumentException("field [" + field + "] is missing (set \"ignore_missing\": true to skip it)");
                }
                continue;
            }
            String text = asText(field, value);
            if (!text.isBlank()) {
                texts.add(new FieldText(field, text, fieldWeights.getOrDefault(field, 1.0f)));
            }
        }
        return texts;
    }

    private static String asText(String field, Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (Object element : list) {
                if (element == null) {
                    continue;
                }
                if (!(element instanceof String text)) {
                    throw new IllegalArgumentException(
                        "field [" + field + "] must be a string or an array of strings, but an element is " + describe(element)
                    );
                }
                if (!joined.isEmpty()) {
                    joined.append('\n');
                }
                joined.append(text);
            }
            return joined.toString();
        }
        throw new IllegalArgumentException("field [" + field + "] must be a string or an array of strings, but is " + describe(value));
    }

    private static String describe(Object value) {
        String shown = String.valueOf(value);
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return "a " + (value instanceof Map ? "object" : value.getClass().getSimpleName()) + " [" + shown + "]";
    }
}
