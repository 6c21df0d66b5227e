package com.podcastpersonalize.it.eval;

import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;

/** Writes the listening events that stand for one interaction into an events request. */
@FunctionalInterface
public interface EventMapper {

    /** Appends zero or more event objects for {@code interaction}, under the listener id the node knows ({@code listenerId}). */
    void write(XContentBuilder events, String listenerId, Interaction interaction) throws IOException;
}
