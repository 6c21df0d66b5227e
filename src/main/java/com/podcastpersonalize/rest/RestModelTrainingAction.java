package com.podcastpersonalize.rest;

import com.podcastpersonalize.ranker.ModelTrainingService;
import com.podcastpersonalize.ranker.TrainingKind;
import com.podcastpersonalize.ranker.TrainingStatus;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.ToXContentObject;
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
 * A model trained in the cluster, one handler per {@link TrainingKind} ({@code kind.path()} is
 * {@code /_plugins/podcast/ranker} for the learned ranker, {@code /_plugins/podcast/sequence} for the
 * sequence model):
 * <ul>
 *   <li>{@code POST <path>/_train} (optional body: the kind's training parameters, e.g. for the ranker
 *       {@code {"validation_days": 7, "model": "logistic", "negatives_per_positive": 2, "seed": 42}}): starts a
 *       training in the background, 202 with its task id; 400 without events or for a bad body, 409 while
 *       another training of that kind runs;</li>
 *   <li>{@code GET <path>}: the active version with its validation figures ({@code null} before the first),
 *       the version the answering node uses ({@code served}) and the running or last training;</li>
 *   <li>{@code POST <path>/_cancel}: cancels the running training (404 when none runs); the previous model
 *       stays in use. {@code POST _tasks/<task id>/_cancel} does the same.</li>
 * </ul>
 */
public class RestModelTrainingAction<P extends Writeable & ToXContentObject> extends BaseRestHandler {

    /** Reads a training request's body; bad values fail with an IllegalArgumentException naming the field. */
    public interface ParametersParser<P> {
        P parse(XContentParser parser) throws IOException;
    }

    private final String name;
    private final TrainingKind kind;
    private final Supplier<? extends ModelTrainingService<P, ?>> service;
    private final ParametersParser<P> parser;
    private final Supplier<P> defaults;

    /** {@code defaults}: the parameters of a request without a body. */
    public RestModelTrainingAction(
        String name,
        TrainingKind kind,
        Supplier<? extends ModelTrainingService<P, ?>> service,
        ParametersParser<P> parser,
        Supplier<P> defaults
    ) {
        this.name = name;
        this.kind = kind;
        this.service = service;
        this.parser = parser;
        this.defaults = defaults;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<Route> routes() {
        return List.of(
            new Route(RestRequest.Method.POST, kind.path() + "/_train"),
            new Route(RestRequest.Method.GET, kind.path()),
            new Route(RestRequest.Method.POST, kind.path() + "/_cancel")
        );
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        if (request.method() == RestRequest.Method.GET) {
            return channel -> service.get().status(new RestBuilderListener<>(channel) {
                @Override
                public RestResponse buildResponse(ModelTrainingService.Status status, XContentBuilder builder) throws IOException {
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
        P parameters = parameters(request);
        return channel -> service.get().start(client, parameters, new RestBuilderListener<>(channel) {
            @Override
            public RestResponse buildResponse(TrainingStatus started, XContentBuilder builder) throws IOException {
                builder.startObject().field("task_id", started.taskId()).field("version", started.version()).field("training");
                started.toXContent(builder, ToXContent.EMPTY_PARAMS);
                return new BytesRestResponse(RestStatus.ACCEPTED, builder.endObject());
            }
        });
    }

    private P parameters(RestRequest request) throws IOException {
        if (!request.hasContent()) {
            return defaults.get();
        }
        try (XContentParser content = request.contentParser()) {
            return parser.parse(content);
        }
    }
}
