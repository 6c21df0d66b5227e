package com.podcastpersonalize.rest;

import com.podcastpersonalize.events.EventIngest;
import com.podcastpersonalize.events.EventParser;
import com.podcastpersonalize.events.EventsRequestParser;
import com.podcastpersonalize.listeners.ListenerIds;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.OpenSearchException;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.RestResponse;
import org.opensearch.rest.action.RestBuilderListener;
import org.opensearch.transport.client.node.NodeClient;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code POST /_plugins/podcast/events}: stores listener events and updates their profiles. Answers
 * like {@code _bulk}: 200 with one item per event, in order ({@code status}, {@code result} or
 * {@code error}), and {@code errors: true} when any failed. A body that is not
 * {@code {"events": [...]}} or holds too many events is refused as a whole with 400. With
 * {@code ?wait_for_profiles=true} it answers only once the listeners' profiles are written, even
 * with write-behind on (like {@code _bulk}'s {@code refresh=wait_for}).
 * {@code GET /_plugins/podcast/events/_write_behind} tells how many listeners' profile updates the
 * answering node still has to write ({@code listeners_waiting}; 0 without write-behind).
 */
public class RestListenerEventsAction extends BaseRestHandler {

    public static final String PATH = "/_plugins/podcast/events";

    private final Supplier<EventIngest> ingest;
    private final Supplier<ListenerIds> ids;
    private final ClusterSettings settings;
    private final LongSupplier clock;

    public RestListenerEventsAction(Supplier<EventIngest> ingest, Supplier<ListenerIds> ids, ClusterSettings settings, LongSupplier clock) {
        this.ingest = ingest;
        this.ids = ids;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "podcast_listener_events_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.POST, PATH), new Route(RestRequest.Method.GET, PATH + "/_write_behind"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        if (request.method() == RestRequest.Method.GET) {
            // how far this node's write-behind of profile updates is behind (0 when it is off or done)
            int waiting = ingest.get().listenersWithProfileUpdatesWaiting();
            return channel -> {
                XContentBuilder builder = channel.newBuilder();
                builder.startObject().field("listeners_waiting", waiting).endObject();
                channel.sendResponse(new BytesRestResponse(RestStatus.OK, builder));
            };
        }
        if (!request.hasContent()) {
            throw new IllegalArgumentException("request body is required: {\"events\": [...]}");
        }
        boolean waitForProfiles = RestFlags.flag(request, "wait_for_profiles");
        long start = System.nanoTime();
        EventParser eventParser = new EventParser(ids.get(), clock.getAsLong(), settings.get(PodcastSettings.LISTENERS_MAX_FUTURE_SKEW).millis());
        List<EventsRequestParser.Slot> slots;
        try (XContentParser parser = request.contentParser()) {
            slots = new EventsRequestParser(eventParser, settings.get(PodcastSettings.LISTENERS_MAX_EVENTS_PER_REQUEST)).parse(parser);
        }
        return channel -> ingest.get().ingest(slots, waitForProfiles, new RestBuilderListener<>(channel) {
            @Override
            public RestResponse buildResponse(List<EventIngest.Outcome> outcomes, XContentBuilder builder) throws IOException {
                builder.startObject();
                builder.field("took", (System.nanoTime() - start) / 1_000_000);
                builder.field("errors", outcomes.stream().anyMatch(o -> o.error() != null));
                builder.startArray("items");
                for (EventIngest.Outcome outcome : outcomes) {
                    builder.startObject();
                    builder.field("index", outcome.index());
                    if (outcome.id() != null) {
                        builder.field("_id", outcome.id());
                    }
                    builder.field("status", outcome.status().getStatus());
                    if (outcome.error() == null) {
                        builder.field("result", outcome.result());
                    } else {
                        builder.startObject("error");
                        builder.field("type", OpenSearchException.getExceptionName(outcome.error()));
                        builder.field("reason", outcome.error().getMessage());
                        builder.endObject();
                    }
                    builder.endObject();
                }
                builder.endArray();
                builder.endObject();
                return new BytesRestResponse(RestStatus.OK, builder);
            }
        });
    }
}
