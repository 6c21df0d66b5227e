package com.podcastpersonalize.rest;

import com.podcastpersonalize.listeners.ListenerIds;
import com.podcastpersonalize.listeners.ListenerProfiles;
import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.listeners.ProfileView;

import org.opensearch.OpenSearchStatusException;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One listener's profile:
 * <ul>
 *   <li>{@code PUT /_plugins/podcast/listeners/{id}} {@code {"declared_topics": ["history", "jazz"]}}: cold-start interests;</li>
 *   <li>{@code GET} (with {@code ?include_vectors=true} for vectors): the profile in words, 404 when there is none;</li>
 *   <li>{@code DELETE}: the profile and every stored event of the listener;</li>
 *   <li>{@code POST .../{id}/_rebuild}: the profile recomputed from the stored events.</li>
 * </ul>
 */
public class RestListenerAction extends BaseRestHandler {

    public static final String PATH = "/_plugins/podcast/listeners/{id}";
    static final int MAX_DECLARED_TOPICS = 50;
    static final int MAX_TOPIC_CHARS = 100;

    private final Supplier<ListenerProfiles> profiles;
    private final Supplier<ListenerIds> ids;

    public RestListenerAction(Supplier<ListenerProfiles> profiles, Supplier<ListenerIds> ids) {
        this.profiles = profiles;
        this.ids = ids;
    }

    @Override
    public String getName() {
        return "podcast_listener_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(
            new Route(RestRequest.Method.PUT, PATH),
            new Route(RestRequest.Method.GET, PATH),
            new Route(RestRequest.Method.DELETE, PATH),
            new Route(RestRequest.Method.POST, PATH + "/_rebuild")
        );
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        String listenerId = request.param("id");
        String storedId = ids.get().storedId("id", listenerId);
        boolean includeVectors = RestFlags.flag(request, "include_vectors");
        return switch (request.method()) {
            case PUT -> {
                List<String> topics = declaredTopics(request);
                yield channel -> profiles.get().declare(storedId, topics, profileResponse(channel, listenerId, includeVectors));
            }
            case GET -> channel -> profiles.get().get(storedId, profileResponse(channel, listenerId, includeVectors));
            case DELETE -> channel -> profiles.get().delete(storedId, new RestBuilderListener<>(channel) {
                @Override
                public RestResponse buildResponse(ListenerProfiles.Deleted deleted, XContentBuilder builder) throws IOException {
                    builder.startObject()
                        .field("listener_id", listenerId)
                        .field("profile_deleted", deleted.profileDeleted())
                        .field("events_deleted", deleted.eventsDeleted())
                        .field("events_remaining", deleted.eventsRemaining())
                        .endObject();
                    return new BytesRestResponse(RestStatus.OK, builder);
                }
            });
            case POST -> channel -> profiles.get().rebuild(storedId, new RestBuilderListener<>(channel) {
                @Override
                public RestResponse buildResponse(ListenerProfiles.Rebuilt rebuilt, XContentBuilder builder) throws IOException {
                    builder.startObject().field("events_replayed", rebuilt.eventsReplayed()).field("profile");
                    ProfileView.write(listenerId, rebuilt.profile(), includeVectors, builder);
                    builder.endObject();
                    return new BytesRestResponse(RestStatus.OK, builder);
                }
            });
            default -> throw new IllegalArgumentException("unsupported method " + request.method());
        };
    }

    private static RestBuilderListener<Profile> profileResponse(org.opensearch.rest.RestChannel channel, String listenerId, boolean includeVectors) {
        return new RestBuilderListener<>(channel) {
            @Override
            public RestResponse buildResponse(Profile profile, XContentBuilder builder) throws IOException {
                if (profile == null) {
                    throw new OpenSearchStatusException("listener [" + listenerId + "] has no profile", RestStatus.NOT_FOUND);
                }
                ProfileView.write(listenerId, profile, includeVectors, builder);
                return new BytesRestResponse(RestStatus.OK, builder);
            }
        };
    }

    static List<String> declaredTopics(RestRequest request) throws IOException {
        if (!request.hasContent()) {
            throw new IllegalArgumentException("request body is required: {\"declared_topics\": [\"...\"]}");
        }
        Map<String, Object> body;
        try (XContentParser parser = request.contentParser()) {
            body = parser.map();
        }
        return declaredTopics(body);
    }

    static List<String> declaredTopics(Map<String, Object> body) {
        for (String key : body.keySet()) {
            if (!key.equals("declared_topics")) {
                throw new IllegalArgumentException("unknown field [" + key + "]; known fields: [declared_topics]");
            }
        }
        if (!(body.get("declared_topics") instanceof List<?> raw)) {
            throw new IllegalArgumentException("[declared_topics] is required and must be an array of strings");
        }
        if (raw.size() > MAX_DECLARED_TOPICS) {
            throw new IllegalArgumentException("[declared_topics] holds " + raw.size() + " topics; at most " + MAX_DECLARED_TOPICS);
        }
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String topic) || topic.isBlank()) {
                throw new IllegalArgumentException("[declared_topics][" + i + "] must be a non-empty string, got [" + raw.get(i) + "]");
            }
            if (topic.length() > MAX_TOPIC_CHARS || topic.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("[declared_topics][" + i + "] must be at most " + MAX_TOPIC_CHARS + " characters without control characters");
            }
            topics.add(topic.trim());
        }
        return new ArrayList<>(topics);
    }
}
