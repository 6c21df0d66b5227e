package com.podcastpersonalize.rest;

import com.podcastpersonalize.collaborative.CollaborativeTrainer;
import com.podcastpersonalize.collaborative.CollaborativeTraining;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.admin.indices.mapping.get.GetMappingsRequest;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.action.admin.indices.mapping.get.GetMappingsResponse;
import org.opensearch.cluster.metadata.MappingMetadata;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.RestResponse;
import org.opensearch.rest.action.RestBuilderListener;
import org.opensearch.transport.client.node.NodeClient;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The collaborative model:
 * <ul>
 *   <li>{@code POST /_plugins/podcast/collaborative/_train} (optional body {@code {"filter": {query on the events},
 *       "max_neighbours": 100, "min_co_listeners": 1, "max_likes_per_listener": 500}}): learns co-listening from the
 *       stored events and answers with the training's figures once the new model is in use;</li>
 *   <li>{@code GET /_plugins/podcast/collaborative}: the model in use and its figures, 404 before the first training.</li>
 * </ul>
 */
public class RestCollaborativeAction extends BaseRestHandler {

    public static final String PATH = "/_plugins/podcast/collaborative";

    private final Supplier<CollaborativeTrainer> trainer;
    private final ClusterSettings settings;

    public RestCollaborativeAction(Supplier<CollaborativeTrainer> trainer, ClusterSettings settings) {
        this.trainer = trainer;
        this.settings = settings;
    }

    @Override
    public String getName() {
        return "podcast_collaborative_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.POST, PATH + "/_train"), new Route(RestRequest.Method.GET, PATH));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        if (request.method() == RestRequest.Method.GET) {
            String alias = settings.get(PodcastSettings.COLLABORATIVE_INDEX);
            return channel -> client.admin().indices().getMappings(new GetMappingsRequest().indices(alias).indicesOptions(IndicesOptions.lenientExpandOpen()), new RestBuilderListener<>(channel) {
                @Override
                public RestResponse buildResponse(GetMappingsResponse response, XContentBuilder builder) throws IOException {
                    return describe(alias, response, builder);
                }
            });
        }
        CollaborativeTraining.Parameters parameters = request.hasContent() ? parse(request) : CollaborativeTraining.Parameters.defaults();
        return channel -> trainer.get().train(parameters, new RestBuilderListener<>(channel) {
            @Override
            public RestResponse buildResponse(CollaborativeTraining.Result result, XContentBuilder builder) throws IOException {
                result.toXContent(builder, org.opensearch.core.xcontent.ToXContent.EMPTY_PARAMS);
                return new BytesRestResponse(RestStatus.OK, builder);
            }
        });
    }

    private static RestResponse describe(String alias, GetMappingsResponse response, XContentBuilder builder) throws IOException {
        if (response.mappings().isEmpty()) {
            throw new OpenSearchStatusException("no collaborative model yet: train one with POST " + PATH + "/_train", RestStatus.NOT_FOUND);
        }
        Map.Entry<String, MappingMetadata> model = response.mappings().entrySet().iterator().next();
        Object meta = model.getValue() == null ? null : model.getValue().sourceAsMap().get("_meta");
        builder.startObject().field("alias", alias).field("index", model.getKey()).field("model", meta).endObject();
        return new BytesRestResponse(RestStatus.OK, builder);
    }

    private static CollaborativeTraining.Parameters parse(RestRequest request) throws IOException {
        QueryBuilder filter = null;
        int maxNeighbours = CollaborativeTraining.Parameters.DEFAULT_MAX_NEIGHBOURS;
        int minCoListeners = CollaborativeTraining.Parameters.DEFAULT_MIN_CO_LISTENERS;
        int maxLikes = CollaborativeTraining.Parameters.DEFAULT_MAX_LIKES_PER_LISTENER;
        try (XContentParser parser = request.contentParser()) {
            if (parser.nextToken() != XContentParser.Token.START_OBJECT) {
                throw new IllegalArgumentException("the request body must be an object");
            }
            while (parser.nextToken() == XContentParser.Token.FIELD_NAME) {
                String field = parser.currentName();
                XContentParser.Token token = parser.nextToken();
                switch (field) {
                    case "filter" -> {
                        if (token != XContentParser.Token.START_OBJECT) {
                            throw new IllegalArgumentException("[filter] must be a query object");
                        }
                        filter = AbstractQueryBuilder.parseInnerQueryBuilder(parser);
                    }
                    case "max_neighbours" -> maxNeighbours = integer(parser, field);
                    case "min_co_listeners" -> minCoListeners = integer(parser, field);
                    case "max_likes_per_listener" -> maxLikes = integer(parser, field);
                    default -> throw new IllegalArgumentException(
                        "unknown field [" + field + "]; known: [filter, max_neighbours, min_co_listeners, max_likes_per_listener]"
                    );
                }
            }
        }
        return new CollaborativeTraining.Parameters(filter, maxNeighbours, minCoListeners, maxLikes);
    }

    private static int integer(XContentParser parser, String field) throws IOException {
        if (parser.currentToken() != XContentParser.Token.VALUE_NUMBER) {
            throw new IllegalArgumentException("[" + field + "] must be a whole number, got [" + parser.text() + "]");
        }
        return parser.intValue(false);
    }
}
