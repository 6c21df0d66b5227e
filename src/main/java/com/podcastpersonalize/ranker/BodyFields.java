package com.podcastpersonalize.ranker;

import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;

/** Reading the fields of a training request's body: each bad value is refused with a message naming its field (a 400). */
public final class BodyFields {

    private BodyFields() {}

    public static double number(XContentParser parser, String field) throws IOException {
        if (parser.currentToken() != XContentParser.Token.VALUE_NUMBER) {
            throw new IllegalArgumentException("[" + field + "] must be a number, got [" + shown(parser) + "]");
        }
        return parser.doubleValue();
    }

    public static int wholeNumber(XContentParser parser, String field) throws IOException {
        if (parser.currentToken() != XContentParser.Token.VALUE_NUMBER || parser.numberType() != XContentParser.NumberType.INT) {
            throw new IllegalArgumentException("[" + field + "] must be a whole number, got [" + shown(parser) + "]");
        }
        return parser.intValue();
    }

    /**
     * The next token; a value that is not JSON (e.g. NaN, which JSON numbers exclude) is refused naming
     * its field (the JSON parser reads a value's start together with its field name).
     */
    public static XContentParser.Token next(XContentParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new IllegalArgumentException("[" + parser.currentName() + "] is not a valid JSON value: " + reason, e);
        }
    }

    /** The current value as the user wrote it, for error messages (text() refuses a null). */
    public static String shown(XContentParser parser) throws IOException {
        return parser.currentToken() == XContentParser.Token.VALUE_NULL ? "null" : parser.text();
    }

    public static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("[" + name + "] must be between " + min + " and " + max + ", got [" + value + "]");
        }
    }
}
