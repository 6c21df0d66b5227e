package com.podcastpersonalize.diversify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the value read at {@code show_field} into the show ids a hit counts against. */
final class ShowKeys {

    private static final String[] NONE = new String[0];

    private ShowKeys() {}

    /**
     * A string, number or boolean is one show; an array is every show it holds; null, an empty
     * array or an object is no show (the hit is never capped). Numbers compare by value, and as
     * their text: {@code 7}, {@code 7.0} and {@code "7"} are the same show, as a keyword field
     * would index them.
     */
    static String[] of(Object value) {
        if (value instanceof List<?> list) {
            List<String> keys = new ArrayList<>(list.size());
            for (Object element : list) {
                String key = scalar(element);
                if (key != null && keys.contains(key) == false) {
                    keys.add(key);
                }
            }
            return keys.toArray(NONE);
        }
        String key = scalar(value);
        return key == null ? NONE : new String[] { key };
    }

    private static String scalar(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return null;
        }
        if (value instanceof Number number) {
            return canonical(number);
        }
        return value.toString();
    }

    private static String canonical(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isFinite(d) == false) {
                return Double.toString(d);
            }
        }
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
}
