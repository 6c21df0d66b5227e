package com.podcastpersonalize.rest;

import com.podcastpersonalize.ranker.RankerTrainingParameters;
import com.podcastpersonalize.ranker.RankerTrainingService;
import com.podcastpersonalize.ranker.TrainingStatus;

import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.ToXContent;
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
import java.util.function.Supplier;

/**
 * The learned ranker:
 * <ul>
 *   <li>{@code POST /_plugins/podcast/ranker/_train} (optional body {@code {"validation_days": 7, "model": "logistic",
 *       "negatives_per_positive": 2, "seed": 42}}, or {@code "validation_share": 0.2} instead of the days): starts a training in the background, 202 with its task id;
 *       400 without events or for a bad body, 409 while another training runs;</li>
 *   <li>{@code GET /_plugins/podcast/ranker}: the active version with its validation metrics ({@code null} before
 *       the first), the version the answering node's searches use ({@code served}) and the running or last training;</li>
 *   <li>{@code POST /_plugins/podcast/ranker/_cancel}: cancels the running training (404 when none runs); the
 *       previous model stays in use. {@code POST _tasks/<task id>/_cancel} does the same.</li>
 * </ul>
 */
public class RestRankerAction extends BaseRestHandler {

    public static final String PATH = "/_plugins/podcast/ranker";

    private final Supplier<RankerTrainingService> service;

    public RestRankerAction(Supplier<RankerTrainingService> service) {
        this.service = service;
    }

    @Override
    public String getName() {
        return "podcast_ranker_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(
            new Route(RestRequest.Method.POST, PATH + "/_train"),
            new Route(RestRequest.Method.GET, PATH),
            new Route(RestRequest.Method.POST, PATH + "/_cancel")
        );
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        if (request.method() == RestRequest.Method.GET) {
            return channel -> service.get().status(new RestBuilderListener<>(channel) {
                @Override
                public RestResponse buildResponse(RankerTrainingService.Status status, XContentBuilder builder) throws IOException {
                    builder.startObject();
                    builder.field("active", status.active().orElse(null));
                    builder.startObject("served").field("node", status.node()).field("version", status.served().orElse(null)).endObject();
                    builder.field("training", status.training().orElse(null));
                    return new BytesRestResponse(RestStatus.OK, builder.endObject());
                }
            });
        }
        if (request.path().endsWith("/_cancel")) {
            return channel -> service.get().cancel(new RestBuilderListener<>(channel) {
                @Override
                public RestResponse buildResponse(TrainingStatus cancelled, XContentBuilder builder) throws IOException {
                    builder.startObject().field("task_id", cancelled.taskId()).field("version", cancelled.version()).field("cancelled", true).endObject();
                    return new BytesRestResponse(RestStatus.OK, builder);
                }
            });
        }
        RankerTrainingParameters parameters = parameters(request);
        return channel -> service.get().start(client, parameters, new RestBuilderListener<>(channel) {
            @Override
            public RestResponse buildResponse(TrainingStatus started, XContentBuilder builder) throws IOException {
                builder.startObject().field("task_id", started.taskId()).field("version", started.version()).field("training");
                started.toXContent(builder, ToXContent.EMPTY_PARAMS);
                return new BytesRestResponse(RestStatus.ACCEPTED, builder.endObject());
            }
        });
    }

    private static RankerTrainingParameters parameters(RestRequest request) throws IOException {
        if (!request.hasContent()) {
            return RankerTrainingParameters.defaults();
        }
        try (XContentParser parser = request.contentParser()) {
            return RankerTrainingParameters.parse(parser);
        }
    }
}
