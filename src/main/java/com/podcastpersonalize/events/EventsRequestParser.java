package com.podcastpersonalize.events;

import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /_plugins/podcast/events}, {@code {"events": [...]}}, streaming:
 * a body over the event limit is refused as soon as the limit is passed, without reading the rest.
 * A bad event becomes an error slot (the others go on); a bad body is refused as a whole.
 */
public final class EventsRequestParser {

    /** One event of the request, at its position: parsed, or the reason it was refused. */
    public record Slot(int index, ListenerEvent event, Exception error) {}

    private final EventParser eventParser;
    private final int maxEvents;

    public EventsRequestParser(EventParser eventParser, int maxEvents) {
        this.eventParser = eventParser;
        this.maxEvents = maxEvents;
    }

    public List<Slot> parse(XContentParser parser) throws IOException {
        if (parser.nextToken() != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException("the body must be an object: {\"events\": [...]}");
        }
        List<Slot> slots = null;
        for (XContentParser.Token token = parser.nextToken(); token != XContentParser.Token.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            parser.nextToken();
            if (!"events".equals(field)) {
                throw new IllegalArgumentException("unknown field [" + field + "]; the body is {\"events\": [...]}");
            }
            if (parser.currentToken() != XContentParser.Token.START_ARRAY) {
                throw new IllegalArgumentException("[events] must be an array of event objects");
            }
            slots = events(parser);
        }
        if (slots == null) {
            throw new IllegalArgumentException("[events] is required: {\"events\": [...]}");
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("[events] is empty");
        }
        return slots;
    }

    private List<Slot> events(XContentParser parser) throws IOException {
        List<Slot> slots = new ArrayList<>();
        for (XContentParser.Token token = parser.nextToken(); token != XContentParser.Token.END_ARRAY; token = parser.nextToken()) {
            int index = slots.size();
            if (index >= maxEvents) {
                throw new IllegalArgumentException(
                    "[events] holds more than " + maxEvents + " events, the limit set by [plugins.podcast.listeners.max_events_per_request]; split the request"
                );
            }
            if (token != XContentParser.Token.START_OBJECT) {
                parser.skipChildren();
                slots.add(new Slot(index, null, new IllegalArgumentException("[events][" + index + "] must be an object")));
                continue;
            }
            var map = parser.map();
            try {
                slots.add(new Slot(index, eventParser.parse(map), null));
            } catch (IllegalArgumentException e) {
                slots.add(new Slot(index, null, new IllegalArgumentException("[events][" + index + "] " + e.getMessage(), e)));
            }
        }
        return slots;
    }
}
