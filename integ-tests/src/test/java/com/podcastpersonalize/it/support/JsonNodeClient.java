package com.podcastpersonalize.it.support;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.RestClient;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

import java.io.Closeable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real node as the demo, the benchmarks and the evaluation talk to it: JSON requests in, parsed JSON
 * out; errors carry the node's answer.
 */
public final class JsonNodeClient implements Closeable {

    private final RestClient rest;

    public JsonNodeClient(String url) throws URISyntaxException {
        this(url, Duration.ofMinutes(5));
    }

    /** @param responseTimeout how long one request may take (bulk loads and force merges take minutes) */
    public JsonNodeClient(String url, Duration responseTimeout) throws URISyntaxException {
        this.rest = RestClient.builder(HttpHost.create(url))
            .setRequestConfigCallback(config -> config.setResponseTimeout(Timeout.of(responseTimeout)))
            .build();
    }

    public Map<String, Object> send(String method, String path, XContentBuilder body) throws IOException {
        try (body) {
            return send(method, path, body.toString());
        }
    }

    /** {@code path} may carry query parameters ({@code /x/_search?size=0}). */
    public Map<String, Object> send(String method, String path, String body) throws IOException {
        try (XContentParser parser = parser(raw(method, path, body))) {
            return parser.map();
        }
    }

    /** A JSON answer with the response headers it came with. */
    public record Reply(Map<String, Object> body, Response response) {
        /** The value of a response header, or null. */
        public String header(String name) {
            return response.getHeader(name);
        }
    }

    /** As {@link #send(String, String, String)}, keeping the response headers. */
    public Reply exchange(String method, String path, String body) throws IOException {
        Response response = perform(method, path, body);
        try (XContentParser parser = parser(text(response))) {
            return new Reply(parser.map(), response);
        }
    }

    /** For answers that are a JSON array ({@code _cat} with {@code format=json}). */
    public List<Object> sendForList(String method, String path) throws IOException {
        try (XContentParser parser = parser(raw(method, path, null))) {
            return parser.list();
        }
    }

    private String raw(String method, String path, String body) throws IOException {
        return text(perform(method, path, body));
    }

    private Response perform(String method, String path, String body) throws IOException {
        int question = path.indexOf('?');
        Request request = new Request(method, question < 0 ? path : path.substring(0, question));
        if (question >= 0) {
            for (String parameter : path.substring(question + 1).split("&")) {
                String[] kv = parameter.split("=", 2);
                request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (body != null) {
            request.setJsonEntity(body);
        }
        return rest.performRequest(request);
    }

    private static String text(Response response) throws IOException {
        try {
            return response.getEntity() == null ? "{}" : EntityUtils.toString(response.getEntity());
        } catch (ParseException e) {
            throw new IOException(e);
        }
    }

    /** A search's hits ({@code hits.hits}). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> hits(Map<String, Object> response) {
        return (List<Map<String, Object>>) ((Map<String, Object>) response.get("hits")).get("hits");
    }

    /** The ids of a search's hits, in order. */
    public static List<String> ids(Map<String, Object> response) {
        return hits(response).stream().map(hit -> (String) hit.get("_id")).toList();
    }

    private static XContentParser parser(String json) throws IOException {
        return JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json);
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
