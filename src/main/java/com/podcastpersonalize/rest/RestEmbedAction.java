package com.podcastpersonalize.rest;

import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.TextEmbeddingService;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code POST /_plugins/podcast/embed}: the vectors of given texts, with the same model, chunking,
 * pooling and normalization as the {@code podcast_text_embedding} processor.
 *
 * <pre>{"texts": ["..."], "model": "bge-small-en-v1.5-q", "input_type": "document" | "query"}</pre>
 */
public class RestEmbedAction extends BaseRestHandler {

    public static final String PATH = "/_plugins/podcast/embed";
    static final int MAX_TEXTS = 256;
    static final int MAX_TOTAL_CHARS = 4 * 1024 * 1024;
    private static final Set<String> FIELDS = Set.of("texts", "model", "input_type");

    private final Supplier<TextEmbeddingService> service;

    public RestEmbedAction(Supplier<TextEmbeddingService> service) {
        this.service = service;
    }

    @Override
    public String getName() {
        return "podcast_embed_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.POST, PATH), new Route(RestRequest.Method.GET, PATH));
    }

    /** A parsed embed request. */
    record EmbedRequest(List<String> texts, String model, InputType inputType) {}

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) throws IOException {
        if (!request.hasContentOrSourceParam()) {
            throw new IllegalArgumentException("request body is required: {\"texts\": [\"...\"]}");
        }
        EmbedRequest embed;
        try (XContentParser parser = request.contentOrSourceParamParser()) {
            embed = parse(parser.map());
        }
        return channel -> service.get().embed(embed.model(), embed.texts(), embed.inputType(), new RestBuilderListener<>(channel) {
            @Override
            public RestResponse buildResponse(TextEmbeddingService.Embeddings embeddings, XContentBuilder builder) throws IOException {
                builder.startObject();
                builder.field("model", embeddings.model());
                builder.field("dimension", embeddings.dimension());
                builder.startArray("embeddings");
                for (float[] vector : embeddings.vectors()) {
                    builder.value(vector);
                }
                builder.endArray();
                builder.endObject();
                return new BytesRestResponse(RestStatus.OK, builder);
            }
        });
    }

    static EmbedRequest parse(Map<String, Object> body) {
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field [" + key + "]; known fields: " + FIELDS.stream().sorted().toList());
            }
        }
        if (!(body.get("texts") instanceof List<?> rawTexts)) {
            throw new IllegalArgumentException("[texts] is required and must be an array of strings");
        }
        if (rawTexts.isEmpty() || rawTexts.size() > MAX_TEXTS) {
            throw new IllegalArgumentException("[texts] must hold 1 to " + MAX_TEXTS + " texts, got " + rawTexts.size());
        }
        List<String> texts = new ArrayList<>(rawTexts.size());
        long totalChars = 0;
        for (int i = 0; i < rawTexts.size(); i++) {
            if (!(rawTexts.get(i) instanceof String text)) {
                throw new IllegalArgumentException("[texts][" + i + "] must be a string, got [" + rawTexts.get(i) + "]");
            }
            if (text.isBlank()) {
                throw new IllegalArgumentException("[texts][" + i + "] is empty");
            }
            totalChars += text.length();
            texts.add(text);
        }
        if (totalChars > MAX_TOTAL_CHARS) {
            throw new IllegalArgumentException("[texts] hold " + totalChars + " characters; at most " + MAX_TOTAL_CHARS + " per request");
        }
        Object model = body.get("model");
        if (model != null && !(model instanceof String)) {
            throw new IllegalArgumentException("[model] must be a string, got [" + model + "]");
        }
        Object inputType = body.getOrDefault("input_type", "document");
        if (!(inputType instanceof String type)) {
            throw new IllegalArgumentException("[input_type] must be one of [document, query], got [" + inputType + "]");
        }
        return new EmbedRequest(texts, (String) model, InputType.parse(type));
    }
}
