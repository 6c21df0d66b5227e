package com.podcastpersonalize.it.eval;

import java.util.Map;

/**
 * One item of a catalogue as it is indexed: its id and its text fields (embedded by the pipeline,
 * matched by BM25).
 */
public record Item(String id, Map<String, String> text) {

    public Item {
        text = Map.copyOf(text);
    }
}
