package com.podcastpersonalize.it.e2e;

import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.RestClient;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.rest_client.RestClientTransport;

import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The real OpenSearch node that the build started for the end-to-end tests (bin/podcast-node):
 * its address comes from the cluster file named by the {@code e2e.cluster.file} system property.
 */
final class RealNode implements AutoCloseable {

    final URI url;
    final Path home;
    private final RestClient restClient;
    final OpenSearchClient client;

    private RealNode(URI url, Path home) {
        this.url = url;
        this.home = home;
        this.restClient = RestClient.builder(new HttpHost(url.getScheme(), url.getHost(), url.getPort())).build();
        this.client = new OpenSearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    static RealNode fromBuild() {
        String file = System.getProperty("e2e.cluster.file");
        if (file == null) {
            throw new IllegalStateException("e2e.cluster.file is not set: run the end-to-end tests through Maven (mvn verify)");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": did the node start in pre-integration-test?", e);
        }
        return new RealNode(URI.create(properties.getProperty("http.url")), Path.of(properties.getProperty("home")));
    }

    /** A REST answer through the official client's generic API: status and body. */
    record Answer(int status, String body) {}

    /** Sends a request as users write it in JSON (or NDJSON), through the official client. */
    Answer send(String method, String endpoint, String json) throws IOException {
        var request = Requests.builder().method(method).endpoint(endpoint);
        if (json != null) {
            request.json(json);
        }
        try (Response response = client.generic().execute(request.build())) {
            return new Answer(response.getStatus(), response.getBody().map(b -> b.bodyAsString()).orElse(""));
        }
    }

    /** {@link #send}, asserting a 2xx answer; returns the body. */
    String sendOk(String method, String endpoint, String json) throws IOException {
        Answer answer = send(method, endpoint, json);
        if (answer.status() >= 300) {
            throw new AssertionError(method + " " + endpoint + " -> " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    RestClient lowLevel() {
        return restClient;
    }

    @Override
    public void close() throws IOException {
        restClient.close();
    }
}
