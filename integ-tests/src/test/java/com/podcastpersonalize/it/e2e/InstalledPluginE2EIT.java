package com.podcastpersonalize.it.e2e;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opensearch.client.Request;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch.cat.plugins.PluginsRecord;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The plugin zip installed with bin/opensearch-plugin into the real 3.5.0 distribution, used through its REST API. */
public class InstalledPluginE2EIT {

    private static RealNode node;

    @BeforeClass
    public static void connect() {
        node = RealNode.fromBuild();
    }

    @AfterClass
    public static void disconnect() throws IOException {
        node.close();
    }

    @Test
    public void pluginListOfTheInstallationShowsKnnAndOurs() throws Exception {
        Process process = new ProcessBuilder(node.home.resolve("bin/opensearch-plugin").toString(), "list")
            .redirectErrorStream(false)
            .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("opensearch-plugin list did not finish", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        Set<String> plugins = out.lines().map(String::trim).collect(Collectors.toSet());
        assertTrue(out, plugins.contains("opensearch-knn"));
        assertTrue(out, plugins.contains("podcast-personalize"));
    }

    @Test
    public void runningNodeReportsBothPlugins() throws Exception {
        List<String> components = node.client.cat().plugins().valueBody().stream().map(PluginsRecord::component).toList();
        assertTrue(components.toString(), components.contains("opensearch-knn"));
        assertTrue(components.toString(), components.contains("podcast-personalize"));
    }

    @Test
    public void infoEndpointReportsVersionsAndTheBundledModel() throws Exception {
        try (Response response = node.client.generic().execute(Requests.builder().method("GET").endpoint("/_plugins/podcast/info").build())) {
            assertEquals(200, response.getStatus());
            String body = response.getBody().orElseThrow().bodyAsString();
            assertTrue(body, body.contains("\"podcast-personalize\""));
            assertTrue(body, body.contains("\"version\":\"3.5.0.0\""));
            assertTrue(body, body.contains("\"name\":\"opensearch-knn\""));
            assertTrue(body, body.contains("\"bge-small-en-v1.5-q\""));
            assertTrue(body, body.contains("\"loadable\":true"));
            // the node reads the config file the installer put under its config folder
            assertTrue(body, body.contains("config/podcast-personalize/models.yml"));
        }
    }

    @Test
    public void luceneCosineKnnIndexCanBeCreatedAndQueried() throws Exception {
        String index = "e2e-vectors";
        if (node.client.indices().exists(e -> e.index(index)).value()) {
            node.client.indices().delete(d -> d.index(index));
        }
        node.client.indices().create(c -> c.index(index)
            .settings(s -> s.knn(true).numberOfShards(1).numberOfReplicas(0))
            .mappings(m -> m.properties("v", Property.of(p -> p.knnVector(k -> k.dimension(3)
                .method(me -> me.name("hnsw").engine("lucene").spaceType("cosinesimil")))))));
        node.client.index(i -> i.index(index).id("east").document(Map.of("v", List.of(1.0f, 0.0f, 0.0f))));
        node.client.index(i -> i.index(index).id("north").document(Map.of("v", List.of(0.0f, 1.0f, 0.0f))));
        node.client.index(i -> i.index(index).id("up").document(Map.of("v", List.of(0.0f, 0.0f, 1.0f))));
        node.client.indices().refresh(r -> r.index(index));

        SearchResponse<Map> result = node.client.search(s -> s.index(index).size(3)
            .query(q -> q.knn(k -> k.field("v").vector(0.1f, 0.2f, 0.95f).k(3))), Map.class);
        List<String> ids = result.hits().hits().stream().map(Hit::id).toList();
        assertEquals(List.of("up", "north", "east"), ids);

        Request delete = new Request("DELETE", "/" + index);
        assertEquals(200, node.lowLevel().performRequest(delete).getStatusLine().getStatusCode());
    }

    @Test
    public void badSettingValueIsRefusedWith400NamingTheSetting() throws Exception {
        Request request = new Request("PUT", "/_cluster/settings");
        request.setJsonEntity("{\"persistent\":{\"plugins.podcast.text.max_chunks\":-3}}");
        org.opensearch.client.ResponseException e = org.junit.Assert.assertThrows(
            org.opensearch.client.ResponseException.class,
            () -> node.lowLevel().performRequest(request)
        );
        assertEquals(400, e.getResponse().getStatusLine().getStatusCode());
        String body = EntityUtils.toString(e.getResponse().getEntity());
        assertTrue(body, body.contains("plugins.podcast.text.max_chunks"));
    }
}
