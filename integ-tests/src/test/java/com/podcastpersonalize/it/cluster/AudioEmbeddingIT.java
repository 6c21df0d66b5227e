package com.podcastpersonalize.it.cluster;

import com.sun.net.httpserver.HttpServer;

import org.opensearch.common.settings.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The podcast_audio_embedding processor on a 2-node cluster: real clips, every kind of source, bad input. */
public class AudioEmbeddingIT extends PodcastClusterTestCase {

    private static final String PIPELINE = """
        {"processors": [{"podcast_audio_embedding": {"source_field": "audio_url", "target_field": "audio_vector",
          "features_field": "audio_features", "ignore_missing": true}}]}""";

    private static byte[] clip(String name) throws IOException {
        try (InputStream in = AudioEmbeddingIT.class.getResourceAsStream("/audio/" + name)) {
            assertNotNull("test clip " + name, in);
            return in.readAllBytes();
        }
    }

    private static String dataUri(String name) throws IOException {
        return "data:audio/wav;base64," + Base64.getEncoder().encodeToString(clip(name));
    }

    /** A 2 s mono float32 WAV of a 440 Hz tone at 22050 Hz, with {@code odd} written over the sample at 1 s. */
    private static String floatWavDataUri(float odd) {
        int sr = 22050;
        int n = 2 * sr;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 4 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 4 * n).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(sr).putInt(4 * sr).putShort((short) 4).putShort((short) 32);
        b.put("data".getBytes()).putInt(4 * n);
        for (int i = 0; i < n; i++) {
            b.putFloat(i == sr ? odd : (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / sr)));
        }
        return "data:audio/wav;base64," + Base64.getEncoder().encodeToString(b.array());
    }

    private void createIndex(String index) throws Exception {
        rest("PUT", "/_ingest/pipeline/audio", PIPELINE);
        rest("PUT", "/" + index, """
            {"settings": {"index": {"knn": true, "number_of_shards": 2, "number_of_replicas": 1, "default_pipeline": "audio"}},
             "mappings": {"properties": {"audio_url": {"type": "keyword", "ignore_above": 2048},
               "audio_vector": {"type": "knn_vector", "dimension": 96, "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> bulk(String index, Map<String, String> sources) throws Exception {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> entry : sources.entrySet()) {
            body.append("{\"index\":{\"_id\":\"").append(entry.getKey()).append("\"}}\n");
            body.append(entry.getValue() == null ? "{}" : "{\"audio_url\":\"" + entry.getValue() + "\"}").append('\n');
        }
        Map<String, Object> response = rest("POST", "/" + index + "/_bulk?refresh=true", body.toString());
        Map<String, Map<String, Object>> items = new HashMap<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) response.get("items")) {
            Map<String, Object> result = (Map<String, Object>) item.get("index");
            items.put((String) result.get("_id"), result);
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    public void testSpeechAndMusicClipsAreFoundByHowTheySound() throws Exception {
        createIndex("episodes_audio");
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (String clip : List.of("speech_en-us_a.wav", "speech_en-us_b.wav", "speech_en-gb-f3_a.wav", "music_chord.wav", "music_groove.wav", "music_pad.wav")) {
            sources.put(clip.replace(".wav", ""), dataUri(clip));
        }
        Map<String, Map<String, Object>> items = bulk("episodes_audio", sources);
        for (String id : sources.keySet()) {
            assertEquals(id + ": " + items.get(id), 201, items.get(id).get("status"));
        }
        Map<String, Object> speech = (Map<String, Object>) rest("GET", "/episodes_audio/_doc/speech_en-us_a", null).get("_source");
        Map<String, Object> features = (Map<String, Object>) speech.get("audio_features");
        for (String name : List.of("duration_s", "tempo_bpm", "pitch_mean_hz", "spectral_centroid_mean_hz", "rms_mean", "zero_crossing_rate_mean", "speech_ratio")) {
            assertTrue(name + " in " + features.keySet(), features.containsKey(name));
        }
        Map<String, Object> music = (Map<String, Object>) rest("GET", "/episodes_audio/_doc/music_chord", null).get("_source");
        double speechRatio = ((Number) features.get("speech_ratio")).doubleValue();
        double musicRatio = ((Number) ((Map<String, Object>) music.get("audio_features")).get("speech_ratio")).doubleValue();
        assertTrue("speech " + speechRatio + " vs music " + musicRatio, speechRatio > musicRatio + 0.3);

        // a speech clip's nearest other episodes are the other speech clips; a music clip's, the other music
        assertEquals(java.util.Set.of("speech_en-us_b", "speech_en-gb-f3_a"), nearestOthers("speech_en-us_a", (List<Number>) speech.get("audio_vector")));
        assertEquals(java.util.Set.of("music_groove", "music_pad"), nearestOthers("music_chord", (List<Number>) music.get("audio_vector")));
    }

    @SuppressWarnings("unchecked")
    private java.util.Set<String> nearestOthers(String id, List<Number> vector) throws Exception {
        Map<String, Object> result = rest("POST", "/episodes_audio/_search", """
            {"size": 2, "_source": false, "query": {"bool": {"must": {"knn": {"audio_vector": {"vector": %s, "k": 6}}},
              "must_not": {"ids": {"values": ["%s"]}}}}}""".formatted(vector, id));
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) result.get("hits")).get("hits");
        return hits.stream().map(h -> (String) h.get("_id")).collect(java.util.stream.Collectors.toSet());
    }

    public void testBadAudioFailsItsDocumentAloneWithAReason() throws Exception {
        createIndex("bad_audio");
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        sources.put("good", dataUri("speech_en-us_a.wav"));
        sources.put("garbage", "data:audio/wav;base64," + Base64.getEncoder().encodeToString("this is not audio at all, just text".repeat(20).getBytes()));
        sources.put("empty", "data:audio/wav;base64,");
        sources.put("bad_base64", "data:audio/wav;base64,@@@not-base64@@@");
        byte[] truncated = clip("speech_en-us_b.wav");
        sources.put("truncated", "data:audio/wav;base64," + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(truncated, 30)));
        sources.put("not_allowed_file", "file:///etc/passwd");
        sources.put("dotdot", "file:///tmp/../etc/passwd");
        sources.put("host_not_allowed", "https://example.com/episode.mp3");
        sources.put("ftp", "ftp://example.com/episode.mp3");
        sources.put("no_audio", null);
        sources.put("nan_sample", floatWavDataUri(Float.NaN));
        sources.put("infinite_sample", floatWavDataUri(Float.POSITIVE_INFINITY));
        sources.put("finite_float", floatWavDataUri(0.25f));
        sources.put("good2", dataUri("music_pad.wav"));
        Map<String, Map<String, Object>> items = bulk("bad_audio", sources);
        assertEquals(201, items.get("good").get("status"));
        assertEquals(201, items.get("good2").get("status"));
        assertEquals(201, items.get("no_audio").get("status"));
        assertEquals(items.get("finite_float").toString(), 201, items.get("finite_float").get("status"));
        Map<String, String> expected = Map.of(
            "garbage", "field [audio_url]: audio [",
            "empty", "audio [",
            "bad_base64", "not valid base64",
            "truncated", "audio [",
            "nan_sample", "the audio is not finite everywhere: the sample at 1.000 s is NaN",
            "infinite_sample", "the audio is not finite everywhere: the sample at 1.000 s is Infinity",
            "not_allowed_file", "file sources are not allowed",
            "dotdot", "without '.' or '..' segments",
            "host_not_allowed", "not in plugins.podcast.audio.allowed_hosts",
            "ftp", "must be a file: path, an http(s) URL or a data:audio"
        );
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Map<String, Object> item = items.get(e.getKey());
            assertEquals(e.getKey() + ": " + item, 400, item.get("status"));
            assertTrue(e.getKey() + ": " + item, item.toString().contains(e.getValue()));
        }
    }

    public void testFileSourcesOnlyUnderAllowedDirectoriesAndNoSymlinkEscape() throws Exception {
        Path allowed = createTempDir();
        Path outside = createTempDir();
        Files.write(allowed.resolve("episode.wav"), clip("speech_en-us_a.wav"));
        Files.write(outside.resolve("secret.wav"), clip("music_chord.wav"));
        Files.createSymbolicLink(allowed.resolve("escape.wav"), outside.resolve("secret.wav"));
        client().admin().cluster().prepareUpdateSettings()
            .setPersistentSettings(Settings.builder().putList("plugins.podcast.audio.allowed_paths", allowed.toRealPath().toString()))
            .get();
        try {
            createIndex("file_audio");
            Map<String, String> sources = new java.util.LinkedHashMap<>();
            sources.put("inside", "file://" + allowed.toRealPath().resolve("episode.wav"));
            sources.put("outside", "file://" + outside.toRealPath().resolve("secret.wav"));
            sources.put("symlink", "file://" + allowed.toRealPath().resolve("escape.wav"));
            sources.put("missing", "file://" + allowed.toRealPath().resolve("nope.wav"));
            Map<String, Map<String, Object>> items = bulk("file_audio", sources);
            assertEquals(items.get("inside").toString(), 201, items.get("inside").get("status"));
            for (String bad : List.of("outside", "symlink")) {
                assertEquals(bad + ": " + items.get(bad), 400, items.get(bad).get("status"));
                assertTrue(items.get(bad).toString(), items.get(bad).toString().contains("is not under plugins.podcast.audio.allowed_paths"));
            }
            assertTrue(items.get("missing").toString(), items.get("missing").toString().contains("does not exist"));
        } finally {
            client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().putNull("plugins.podcast.audio.allowed_paths"))
                .get();
        }
    }

    public void testHttpSourcesAllowedHostsPrivateAddressesAndServersThatNeverAnswer() throws Exception {
        byte[] wav = clip("speech_en-gb-f3_a.wav");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/episode.wav", exchange -> {
            exchange.sendResponseHeaders(200, wav.length);
            exchange.getResponseBody().write(wav);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/episode.wav");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        List<Socket> stalled = new ArrayList<>();
        ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) {
                    stalled.add(silent.accept()); // accepts and never answers
                }
            } catch (IOException ignored) {
                // closed at the end of the test
            }
        });
        acceptor.start();
        String base = "http://localhost:" + server.getAddress().getPort();
        try {
            createIndex("http_audio");
            client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().putList("plugins.podcast.audio.allowed_hosts", "localhost").put("plugins.podcast.audio.timeout", "3s"))
                .get();
            Map<String, Map<String, Object>> items = bulk("http_audio", Map.of("loopback", base + "/episode.wav"));
            assertTrue(items.get("loopback").toString(), items.get("loopback").toString().contains("non-public address"));

            client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().put("plugins.podcast.audio.allow_private_addresses", true))
                .get();
            Map<String, String> sources = new java.util.LinkedHashMap<>();
            sources.put("fetched", base + "/episode.wav");
            sources.put("missing", base + "/nothing.wav");
            sources.put("redirect_to_other_host", base + "/redirect");
            sources.put("never_answers", "http://localhost:" + silent.getLocalPort() + "/episode.wav");
            long start = System.nanoTime();
            items = bulk("http_audio", sources);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(items.get("fetched").toString(), 201, items.get("fetched").get("status"));
            assertTrue(items.get("missing").toString(), items.get("missing").toString().contains("answered HTTP 404"));
            assertTrue(items.get("redirect_to_other_host").toString(), items.get("redirect_to_other_host").toString().contains("[127.0.0.2] is not in plugins.podcast.audio.allowed_hosts"));
            assertTrue(items.get("never_answers").toString(), items.get("never_answers").toString().contains("plugins.podcast.audio.timeout"));
            assertTrue("the bulk took " + seconds + " s with a 3 s timeout", seconds < 30);
        } finally {
            server.stop(0);
            silent.close();
            acceptor.join(5000);
            for (Socket socket : stalled) {
                socket.close();
            }
            client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().putNull("plugins.podcast.audio.*"))
                .get();
        }
    }
}
