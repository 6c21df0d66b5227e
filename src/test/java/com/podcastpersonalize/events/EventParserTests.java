package com.podcastpersonalize.events;

import com.podcastpersonalize.listeners.ListenerIds;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.test.OpenSearchTestCase;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class EventParserTests extends OpenSearchTestCase {

    private static final long NOW = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli();
    private final EventParser parser = new EventParser(ListenerIds.plain(), NOW, 3_600_000);

    public void testContractExampleParses() {
        ListenerEvent complete = parser.parse(Map.of("listener_id", "u42", "episode_id", "e17", "type", "complete",
            "timestamp", "2026-11-20T10:00:00Z", "position_s", 1790, "duration_s", 1800));
        assertEquals(EventType.COMPLETE, complete.type());
        assertEquals(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli(), complete.timestamp());
        assertEquals(1790 / 1800.0, complete.fractionListened(), 1e-12);
        ListenerEvent search = parser.parse(Map.of("listener_id", "u42", "type", "search", "query", "history of jazz", "timestamp", "2026-11-20T10:05:00Z"));
        assertEquals("history of jazz", search.query());
        assertNull(search.episodeId());
    }

    public void testDerivedIdIsStableAndDependsOnContent() {
        Map<String, Object> event = Map.of("listener_id", "u42", "episode_id", "e17", "type", "play", "timestamp", 1_700_000_000_000L);
        String id = parser.parse(event).id();
        assertEquals(id, parser.parse(new HashMap<>(event)).id());
        Map<String, Object> later = new HashMap<>(event);
        later.put("timestamp", 1_700_000_000_001L);
        assertNotEquals(id, parser.parse(later).id());
        // the same instant written as a date-time is the same event
        Map<String, Object> asDate = new HashMap<>(event);
        asDate.put("timestamp", "2023-11-14T22:13:20Z");
        assertEquals(id, parser.parse(asDate).id());
        Map<String, Object> given = new HashMap<>(event);
        given.put("id", "client-1");
        assertEquals("client-1", parser.parse(given).id());
    }

    public void testBadEventsNameTheField() {
        Map<String, Object> ok = Map.of("listener_id", "u42", "episode_id", "e17", "type", "play", "timestamp", "2026-11-20T10:00:00Z");
        Object[][] cases = {
            { "type", "listen", "[type] must be one of [play, complete, like, dislike, skip, subscribe, search], got [listen]" },
            { "type", null, "[type] is required" },
            { "listener_id", null, "[listener_id] is required" },
            { "listener_id", "x".repeat(10_240), "[listener_id] is 10240 bytes long" },
            { "listener_id", "u\u000742", "[listener_id] must not contain control characters" },
            { "listener_id", 42, "[listener_id] must be a string" },
            { "episode_id", null, "[episode_id] is required for events of type [play]" },
            { "timestamp", null, "[timestamp] is required" },
            { "timestamp", "2126-01-01T00:00:00Z", "[timestamp] is in the future" },
            { "timestamp", "1969-12-31T23:59:59Z", "[timestamp] is before 1970" },
            { "timestamp", -1, "[timestamp] is before 1970" },
            { "timestamp", "yesterday", "[timestamp] must be an ISO-8601 date-time" },
            { "timestamp", "2026-11-20T10:00:00", "[timestamp] must be an ISO-8601 date-time with offset" },
            { "timestamp", 1.5, "whole epoch milliseconds" },
            { "position_s", Double.NaN, "[position_s] must be a finite number" },
            { "position_s", -3, "[position_s] must be a finite number" },
            { "duration_s", Double.POSITIVE_INFINITY, "[duration_s] must be a finite number" },
            { "position_s", "12", "[position_s] must be a number" },
            { "query", "jazz", "[query] is only allowed for events of type [search]" },
            { "extra", 1, "unknown field [extra]" } };
        for (Object[] c : cases) {
            Map<String, Object> event = new HashMap<>(ok);
            if (c[1] == null) {
                event.remove((String) c[0]);
            } else {
                event.put((String) c[0], c[1]);
            }
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> parser.parse(event));
            assertTrue(c[0] + "=" + c[1] + " -> " + e.getMessage(), e.getMessage().contains((String) c[2]));
        }
    }

    public void testSearchNeedsAQueryAndSubscribeAnEpisodeOrShow() {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
            () -> parser.parse(Map.of("listener_id", "u", "type", "search", "timestamp", 0)));
        assertTrue(e.getMessage(), e.getMessage().contains("[query] is required"));
        e = expectThrows(IllegalArgumentException.class, () -> parser.parse(Map.of("listener_id", "u", "type", "subscribe", "timestamp", 0)));
        assertTrue(e.getMessage(), e.getMessage().contains("[episode_id] or [show]"));
        assertEquals("s1", parser.parse(Map.of("listener_id", "u", "type", "subscribe", "show", "s1", "timestamp", 0)).show());
    }

    public void testRequestOverTheLimitIsRefusedNamingTheSetting() throws Exception {
        StringBuilder body = new StringBuilder("{\"events\": [");
        for (int i = 0; i < 11; i++) {
            body.append(i == 0 ? "" : ",").append("{\"listener_id\": \"u\", \"episode_id\": \"e\", \"type\": \"play\", \"timestamp\": ").append(i).append('}');
        }
        body.append("]}");
        try (var x = JsonXContent.jsonXContent.createParser(null, null, body.toString())) {
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> new EventsRequestParser(parser, 10).parse(x));
            assertTrue(e.getMessage(), e.getMessage().contains("more than 10 events") && e.getMessage().contains("plugins.podcast.listeners.max_events_per_request"));
        }
        try (var x = JsonXContent.jsonXContent.createParser(null, null, body.toString())) {
            assertEquals(11, new EventsRequestParser(parser, 11).parse(x).size());
        }
    }

    public void testBadEventsBecomeErrorSlotsAndTheOthersParse() throws Exception {
        String body = "{\"events\": [42, {\"type\": \"play\"}, {\"listener_id\": \"u\", \"episode_id\": \"e\", \"type\": \"play\", \"timestamp\": 5}]}";
        try (var x = JsonXContent.jsonXContent.createParser(null, null, body)) {
            List<EventsRequestParser.Slot> slots = new EventsRequestParser(parser, 10).parse(x);
            assertEquals("[events][0] must be an object", slots.get(0).error().getMessage());
            assertTrue(slots.get(1).error().getMessage(), slots.get(1).error().getMessage().startsWith("[events][1] [listener_id] is required"));
            assertNull(slots.get(2).error());
            assertEquals(5, slots.get(2).event().timestamp());
        }
        for (String bad : new String[] { "[]", "{}", "{\"events\": []}", "{\"events\": {}}", "{\"event\": []}" }) {
            try (var x = JsonXContent.jsonXContent.createParser(null, null, bad)) {
                expectThrows(IllegalArgumentException.class, () -> new EventsRequestParser(parser, 10).parse(x));
            }
        }
    }
}
