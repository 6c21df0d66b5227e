package com.podcastpersonalize.rest;

import org.opensearch.rest.RestRequest;

/** Boolean URL parameters read strictly, so that a bad value is a 400 that names the parameter. */
final class RestFlags {

    private RestFlags() {}

    /** {@code name}: {@code true} (or given without a value) or {@code false}; absent: {@code false}; anything else is a 400 naming it. */
    static boolean flag(RestRequest request, String name) {
        String value = request.param(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("[" + name + "] must be true or false, got [" + value + "]");
        };
    }
}
