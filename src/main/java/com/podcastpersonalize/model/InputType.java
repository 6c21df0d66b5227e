package com.podcastpersonalize.model;

import java.util.Locale;

/** Whether a text is a document (an episode's fields) or a query; models like BGE prefix queries. */
public enum InputType {
    DOCUMENT,
    QUERY;

    public static InputType parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[input_type] must be one of [document, query], got [" + value + "]");
        }
    }
}
