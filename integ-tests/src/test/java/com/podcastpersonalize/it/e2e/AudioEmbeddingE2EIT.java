package com.podcastpersonalize.it.e2e;

import com.sun.net.httpserver.HttpServer;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * Audio analysis inside the real node, through the official client: the decoders and the source resolver run
 * under the node's Java agent and the plugin's security policy (file reads, socket connects), episodes are
 * found by k-NN on {@code audio_vector}, and bad items fail alone in a bulk.
 */
public class AudioEmbeddingE2EIT {

    private static final String PIPELINE = """
        {"processors": [{"podcast_audio_embedding": {"source_field": "audio_url", "target_field": "audio_vector",
          "features_field": "audio_features", "ignore_missing": true}}]}""";

    private static RealNode node;

    @BeforeClass
    public static void connect() throws IOException {
        node = RealNode.fromBuild();
        node.sendOk("PUT", "/_ingest/pipeline/e2e-audio", PIPELINE);
    }

    @AfterClass
    public static void disconnect() throws IOException {
        node.close();
    }

    private static byte[] clip(String name) throws IOException {
        try (InputStream in = AudioEmbeddingE2EIT.class.getResourceAsStream("/audio/" + name)) {
            assertNotNull("test clip " + name, in);
            return in.readAllBytes();
        }
    }

    private static String dataUri(String clip) throws IOException {
        String type = clip.substring(clip.lastIndexOf('.') + 1);
        return "data:audio/" + type + ";base64," + Base64.getEncoder().encodeToString(clip(clip));
    }

    private static void createIndex(String index) throws IOException {
        if (node.client.indices().exists(e -> e.index(index)).value()) {
            node.client.indices().delete(d -> d.index(index));
        }
        node.client.indices().create(c -> c.index(index)
            .settings(s -> s.knn(true).numberOfShards(1).numberOfReplicas(0).defaultPipeline("e2e-audio"))
            .mappings(m -> m
                .properties("audio_url", Property.of(p -> p.keyword(k -> k.ignoreAbove(2048))))
                .properties("audio_vector", Property.of(p -> p.knnVector(k -> k.dimension(96)
                    .method(me -> me.name("hnsw").engine("lucene").spaceType("cosinesimil")))))));
    }

    /** Indexes each id's audio reference in one bulk, returns the items by id. */
    private static Map<String, BulkResponseItem> bulk(String index, Map<String, String> sources) throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        sources.forEach((id, url) -> operations.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(Map.of("audio_url", url))))));
        BulkResponse bulk = node.client.bulk(b -> b.refresh(Refresh.True).operations(operations));
        Map<String, BulkResponseItem> items = new HashMap<>();
        bulk.items().forEach(item -> items.put(item.id(), item));
        return items;
    }

    /** Status, error type and reason (with its causes): what a failed assertion should show. */
    private static String describe(BulkResponseItem item) {
        StringBuilder out = new StringBuilder(item.id() + " -> " + item.status());
        for (ErrorCause cause = item.error(); cause != null; cause = cause.causedBy()) {
            out.append(" [").append(cause.type()).append(": ").append(cause.reason()).append(']');
        }
        return out.toString();
    }

    private static void assertIndexed(Map<String, BulkResponseItem> items, String id) {
        assertEquals(describe(items.get(id)), 201, items.get(id).status());
    }

    private static void assertFailed(Map<String, BulkResponseItem> items, String id, String reason) {
        BulkResponseItem item = items.get(id);
        assertEquals(describe(item), 400, item.status());
        assertTrue(describe(item), describe(item).contains(reason));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void episodesAreFoundByHowTheySound() throws Exception {
        String index = "e2e-audio-knn";
        createIndex(index);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String clip : List.of("speech_en-us_a.wav", "speech_en-us_b.wav", "speech_en-gb-f3_a.wav", "music_chord.wav", "music_groove.wav", "music_pad.wav")) {
            sources.put(clip.replace(".wav", ""), dataUri(clip));
        }
        Map<String, BulkResponseItem> items = bulk(index, sources);
        sources.keySet().forEach(id -> assertIndexed(items, id));

        Map<String, Object> speech = node.client.get(g -> g.index(index).id("speech_en-us_a"), Map.class).source();
        Map<String, Object> music = node.client.get(g -> g.index(index).id("music_chord"), Map.class).source();
        double speechRatio = ((Number) ((Map<String, Object>) speech.get("audio_features")).get("speech_ratio")).doubleValue();
        double musicRatio = ((Number) ((Map<String, Object>) music.get("audio_features")).get("speech_ratio")).doubleValue();
        assertTrue("speech_ratio of speech " + speechRatio + " vs music " + musicRatio, speechRatio > musicRatio + 0.3);

        // a speech episode's nearest other episodes are the other speech ones; a music episode's, the other music
        assertEquals(Set.of("speech_en-us_b", "speech_en-gb-f3_a"), nearestOthers(index, "speech_en-us_a", vector(speech)));
        assertEquals(Set.of("music_groove", "music_pad"), nearestOthers(index, "music_chord", vector(music)));
    }

    private static List<Float> vector(Map<String, Object> source) {
        List<Float> vector = ((List<Number>) source.get("audio_vector")).stream().map(Number::floatValue).toList();
        assertEquals(96, vector.size());
        return vector;
    }

    @SuppressWarnings("rawtypes")
    private static Set<String> nearestOthers(String index, String id, List<Float> vector) throws IOException {
        SearchResponse<Map> result = node.client.search(s -> s.index(index).size(2).source(src -> src.fetch(false))
            .query(q -> q.bool(b -> b
                .must(m -> m.knn(k -> k.field("audio_vector").vector(vector).k(6)))
                .mustNot(n -> n.ids(i -> i.values(id))))), Map.class);
        return result.hits().hits().stream().map(Hit::id).collect(Collectors.toSet());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void fileHttpAndDataSourcesAreReadUnderTheNodesAgentAndBadOnesFailAlone() throws Exception {
        Path dir = Files.createTempDirectory("podcast-e2e-audio", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = dir.resolve("episode.flac");
        Files.write(file, clip("seed_mono22k.flac"));
        byte[] mp3 = clip("seed_stereo44k.mp3");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/episode.mp3", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, mp3.length);
            exchange.getResponseBody().write(mp3);
            exchange.close();
        });
        server.start();
        node.sendOk("PUT", "/_cluster/settings", """
            {"persistent": {"plugins.podcast.audio.allowed_paths": ["%s"], "plugins.podcast.audio.allowed_hosts": ["127.0.0.1"],
              "plugins.podcast.audio.allow_private_addresses": true}}""".formatted(dir.toRealPath()));
        try {
            String index = "e2e-audio-sources";
            createIndex(index);
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("data_ogg", dataUri("seed_mono22k.ogg"));
            sources.put("file", "file://" + file.toRealPath());
            sources.put("http", "http://127.0.0.1:" + server.getAddress().getPort() + "/episode.mp3");
            sources.put("passwd", "file:///etc/passwd");
            sources.put("missing_file", "file://" + dir.toRealPath().resolve("nope.wav"));
            sources.put("http_404", "http://127.0.0.1:" + server.getAddress().getPort() + "/nothing.mp3");
            sources.put("garbage", "data:audio/mp3;base64,AAAAAAAAAAAAAAAAAAAAAAAA");
            Map<String, BulkResponseItem> items = bulk(index, sources);
            assertIndexed(items, "data_ogg");
            assertIndexed(items, "file");
            assertIndexed(items, "http");
            assertFailed(items, "passwd", "is not under plugins.podcast.audio.allowed_paths");
            assertFailed(items, "missing_file", "does not exist");
            assertFailed(items, "http_404", "answered HTTP 404");
            assertFailed(items, "garbage", "audio [data:audio/mp3");

            for (String id : List.of("file", "http")) {
                Map<String, Object> source = node.client.get(g -> g.index(index).id(id), Map.class).source();
                vector(source);
                Map<String, Object> features = (Map<String, Object>) source.get("audio_features");
                assertEquals(features.toString(), 1.0, ((Number) features.get("duration_s")).doubleValue(), 0.1);
            }
        } finally {
            server.stop(0);
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
            node.sendOk("PUT", "/_cluster/settings", """
                {"persistent": {"plugins.podcast.audio.allowed_paths": null, "plugins.podcast.audio.allowed_hosts": null,
                  "plugins.podcast.audio.allow_private_addresses": null}}""");
        }
    }
}
