package com.podcastpersonalize.it.bench;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.opensearch.client.Request;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;

import com.podcastpersonalize.events.EventDocument;
import com.podcastpersonalize.events.EventIds;
import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.ListenerEvent;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.ListenerIndices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listener events benchmark on one real node, in one run: events/s through
 * {@code POST /_plugins/podcast/events} (event documents stored and profiles updated) against
 * plain {@code _bulk} indexing of the same events into an index of the same shape (the limit).
 * Two event streams: "sessions" (each request holds 10 events from each of 100 listeners, as a
 * client that buffers per listener sends them) and "scattered" (each request holds 1 event from each
 * of 1,000 listeners, the worst case for folding). Episodes: 2,000 with 384-d vectors and topics.
 * The API runs twice: profiles written before it answers (the default), and written behind
 * ({@code profile_write_delay}; the round lasts until every held-back update is written).
 * Rounds alternate the paths so that background load hits them alike; medians are reported.
 * Then a sustained stream per write-behind delay: {@value #SUSTAINED_SECONDS} s of continuous
 * requests over the same 2,000 listeners, timed until the node has written every held-back profile
 * update (the drain counted), against plain {@code _bulk} of the same events right after, with the
 * profile writes per event (the profiles index's indexing count).
 *
 * <p>Run by {@code bin/benchmark listeners}: {@code ListenerEventsBenchmark <node url>}.
 */
public final class ListenerEventsBenchmark {

    static final int EPISODES = 2000;
    static final int DIMENSION = 384;
    static final int EVENTS_PER_REQUEST = 1000;
    static final int REQUESTS_PER_ROUND = 24;
    static final int CLIENT_THREADS = 4;
    static final int ROUNDS = 3;
    static final String EPISODES_INDEX = "bench-listener-episodes";
    static final String PLAIN_INDEX = "bench-plain-events";
    /** Plain bulk of the stored documents: the events index's mapping and settings. */
    static final String STORED_INDEX = "bench-stored-events";
    /** {@code plugins.podcast.listeners.profile_write_delay} of the write-behind rounds. */
    static final String WRITE_DELAY = "1s";
    /** Length of each sustained stream, several times the longest delay ({@code PODCAST_BENCH_LISTENER_SECONDS}). */
    static final int SUSTAINED_SECONDS = Integer.parseInt(env("PODCAST_BENCH_LISTENER_SECONDS", "60"));
    /** {@code profile_write_delay} of the sustained streams, 0s: written through ({@code PODCAST_BENCH_LISTENER_DELAYS}). */
    static final String[] SUSTAINED_DELAYS = env("PODCAST_BENCH_LISTENER_DELAYS", "0s,1s,5s,10s").split(",");
    /** Whether to run the short rounds before the sustained streams ({@code PODCAST_BENCH_LISTENER_SHORT_ROUNDS}). */
    static final boolean SHORT_ROUNDS = Boolean.parseBoolean(env("PODCAST_BENCH_LISTENER_SHORT_ROUNDS", "true"));
    /** The node's process id (CPU seconds from /proc), or -1 when not given. */
    static long nodePid = -1;
    static final String[] TYPES = { "play", "play", "complete", "like", "skip", "play", "complete", "dislike", "play", "complete" };

    public static void main(String[] args) throws Exception {
        String url = args[0];
        nodePid = args.length > 1 ? Long.parseLong(args[1]) : -1;
        Report report = new Report();
        try (RestClient client = RestClient.builder(HttpHost.create(url)).build()) {
            setUp(client);
            report.line("Machine: %d cores (client and node share them). %d episodes (384-d text vectors, 3 topics each); %d events per request, %d client threads.",
                Runtime.getRuntime().availableProcessors(), EPISODES, EVENTS_PER_REQUEST, CLIENT_THREADS);
            if (SHORT_ROUNDS) {
                shortRounds(client, report);
            } else {
                for (int listenersPerRequest : new int[] { 100, 1000 }) {
                    run(client, new Stream("warm-up", listenersPerRequest), -1, Path.API); // creates the profiles, loads classes and caches
                }
            }
            report.line("");
            report.line("Sustained: %d s of continuous requests from %d client threads over the same 2,000 listeners per stream, timed until the node has "
                + "written every held-back profile update (`listeners_waiting` 0: the drain is counted); then plain `_bulk` of the same events.", SUSTAINED_SECONDS, CLIENT_THREADS);
            report.line("");
            report.line("Two plain `_bulk` baselines of the same events: the raw events with generated ids (the limit of issue 5), and the documents the API stores "
                + "(same fields, `create` with the event id, routed by listener, into an index with the events index's mapping): what storing idempotent events costs without profiles.");
            report.line("");
            report.line("| stream | `profile_write_delay` | events | API events/s (drain counted) | drain | profile writes per event | plain `_bulk` events/s | API ÷ bulk "
                + "| `_bulk` of stored documents events/s | API ÷ that |");
            report.line("|---|---|---|---|---|---|---|---|---|---|");
            int sustainedRun = 0;
            List<String> cpuRows = new ArrayList<>();
            for (Stream stream : List.of(new Stream("sessions", 100), new Stream("scattered", 1000))) {
                for (String delay : SUSTAINED_DELAYS) {
                    Sustained result = sustained(client, stream, delay, sustainedRun++);
                    cpuRows.add(String.format(Locale.ROOT, "| %s | %s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | **%.2f** | %.2f |", stream.name, delay,
                        perThousand(result.apiCpu.node(), result), perThousand(result.apiCpu.client(), result),
                        perThousand(result.bulkCpu.node(), result), perThousand(result.bulkCpu.client(), result),
                        perThousand(result.storedCpu.node(), result), perThousand(result.storedCpu.client(), result),
                        result.bulkCpu.total() / result.apiCpu.total(), result.storedCpu.total() / result.apiCpu.total()));
                    report.line("| %s | %s | %d | %.0f | %.1f s | %.3f | %.0f | **%.2f** | %.0f | %.2f |", stream.name, delay, result.events, result.apiRate(), result.drainSeconds,
                        (double) result.profileWrites / result.events, result.bulkRate(), result.apiRate() / result.bulkRate(), result.storedRate(),
                        result.apiRate() / result.storedRate());
                }
            }
            report.line("");
            report.line("CPU milliseconds per 1,000 events, node / client (this harness, on the same cores), over the same spans as the rates above; "
                + "the last two columns are the plain `_bulk` paths' total CPU over the API's: the API ÷ bulk ratio a machine would reach if CPU were all that "
                + "limits both paths, less sensitive to other load on the machine than the rates.");
            report.line("");
            report.line("| stream | `profile_write_delay` | API | plain `_bulk` | `_bulk` of stored documents | API ÷ bulk, by CPU | API ÷ stored `_bulk`, by CPU |");
            report.line("|---|---|---|---|---|---|---|");
            cpuRows.forEach(row -> report.line("%s", row));
            String counts = EntityUtils.toString(client.performRequest(new Request("GET", "/_cat/count/podcast-events,podcast-profiles?h=count")).getEntity()).trim();
            report.line("");
            report.line("Stored by the API path: %s documents in podcast-events and podcast-profiles.", counts);
            report.line("Requests refused with 429 and retried (the node's memory circuit breaker): %s.", REJECTED.isEmpty() ? "none" : REJECTED.toString());
            call(client, "PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": null, \"plugins.podcast.listeners.profile_write_delay\": null}}");
        }
        report.print();
    }

    /** The short rounds: each path in turn, {@link #ROUNDS} times, medians. */
    static void shortRounds(RestClient client, Report report) throws Exception {
        report.line("");
        report.line("Short rounds: %d requests per round; %d rounds, medians.", REQUESTS_PER_ROUND, ROUNDS);
        report.line("");
        report.line("| stream | API events/s (median) | all rounds | plain `_bulk` events/s (median) | all rounds | API ÷ bulk |");
        report.line("|---|---|---|---|---|---|");
        for (Stream stream : List.of(new Stream("sessions: 100 listeners × 10 events per request", 100), new Stream("scattered: 1,000 listeners × 1 event per request", 1000))) {
            // warm-up: creates the listeners' profiles, loads classes and caches
            run(client, stream, -1, Path.API);
            double[] api = new double[ROUNDS];
            double[] behind = new double[ROUNDS];
            double[] bulk = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                api[round] = run(client, stream, round, Path.API);
                behind[round] = run(client, stream, round + ROUNDS, Path.API_WRITE_BEHIND);
                bulk[round] = run(client, stream, round, Path.BULK);
            }
            double b = median(bulk);
            report.line("| %s | %.0f | %s | %.0f | %s | **%.2f** |", stream.name, median(api), all(api), b, all(bulk), median(api) / b);
            report.line("| %s, write-behind %s | %.0f | %s | %.0f | %s | **%.2f** |", stream.name, WRITE_DELAY, median(behind), all(behind), b, all(bulk), median(behind) / b);
        }
    }

    /** A way of spreading events over listeners: {@code listenersPerRequest} listeners, events split evenly among them. */
    record Stream(String name, int listenersPerRequest) {}

    /**
     * How events go in: the API (profiles written before it answers, or written behind), plain bulk of
     * the raw events with generated ids, or plain bulk of the documents the API stores, created with
     * their event ids and routed by listener (what storing idempotent events costs without profiles).
     */
    enum Path {
        API, API_WRITE_BEHIND, BULK, BULK_STORED;

        boolean api() {
            return this == API || this == API_WRITE_BEHIND;
        }

        String endpoint() {
            return switch (this) {
                case API, API_WRITE_BEHIND -> "/_plugins/podcast/events";
                case BULK -> "/" + PLAIN_INDEX + "/_bulk";
                case BULK_STORED -> "/" + STORED_INDEX + "/_bulk";
            };
        }
    }

    /**
     * Sends one round (fresh events: new timestamps) through a path; events/s. A write-behind round
     * lasts until the node has written every profile update it held back.
     */
    static double run(RestClient client, Stream stream, int round, Path path) throws Exception {
        call(client, "PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.listeners.profile_write_delay\": "
            + (path == Path.API_WRITE_BEHIND ? "\"" + WRITE_DELAY + "\"" : "\"0s\"") + "}}");
        List<String> bodies = new ArrayList<>();
        Random random = new Random(round * 31L + stream.listenersPerRequest);
        long base = 1_700_000_000_000L + (round + 2L) * 86_400_000L * 3;
        for (int r = 0; r < REQUESTS_PER_ROUND; r++) {
            bodies.add(body(stream, r, base, random, path));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int r = thread; r < bodies.size(); r += CLIENT_THREADS) {
                        send(client, path, bodies.get(r));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            while (path == Path.API_WRITE_BEHIND && !call(client, "GET", "/_plugins/podcast/events/_write_behind", null).contains("\"listeners_waiting\":0")) {
                Thread.sleep(10);
            }
            return (double) REQUESTS_PER_ROUND * EVENTS_PER_REQUEST / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One generated event: what each path's body is made of. */
    record BenchEvent(String listener, int episode, String type, long time, int position) {

        String json() {
            return "{\"listener_id\":\"%s\",\"episode_id\":\"ep%d\",\"type\":\"%s\",\"timestamp\":%d,\"position_s\":%d,\"duration_s\":1800}"
                .formatted(listener, episode, type, time, position);
        }

        /** The document the events API stores for this event (same code, same episode fields), and its id. */
        String storedBulkLines() throws java.io.IOException {
            ListenerEvent event = new ListenerEvent(EventIds.derive(listener, "ep" + episode, EventType.parse(type), time, null), listener, "ep" + episode,
                EventType.parse(type), time, (double) position, 1800.0, null, null);
            XContentBuilder source = JsonXContent.contentBuilder();
            EventDocument.write(source, event, new EpisodeFeatures(null, null, topics(episode), show(episode)), null, time + 5);
            return "{\"create\":{\"_id\":\"" + event.id() + "\",\"routing\":\"" + listener + "\"}}\n" + BytesReference.bytes(source).utf8ToString() + "\n";
        }
    }

    static String show(int episode) {
        return "show" + (episode % 200);
    }

    static List<String> topics(int episode) {
        return List.of("topic" + (episode % 30), "topic" + ((episode + 7) % 30), "topic" + ((episode + 13) % 30));
    }

    /** Request {@code r} of a stream: its listeners, fresh event times from {@code base}. */
    static List<BenchEvent> events(Stream stream, int r, long base, Random random) {
        int perListener = EVENTS_PER_REQUEST / stream.listenersPerRequest;
        List<BenchEvent> events = new ArrayList<>(EVENTS_PER_REQUEST);
        for (int l = 0; l < stream.listenersPerRequest; l++) {
            String listener = "bench-" + stream.listenersPerRequest + "-" + ((r * stream.listenersPerRequest + l) % 2000);
            for (int e = 0; e < perListener; e++) {
                events.add(new BenchEvent(listener, random.nextInt(EPISODES), TYPES[random.nextInt(TYPES.length)], base + (long) r * 60_000 + l * 10L + e,
                    random.nextInt(1800)));
            }
        }
        return events;
    }

    /** The body of request {@code r} for {@code path}. */
    static String body(Stream stream, int r, long base, Random random, Path path) throws java.io.IOException {
        StringBuilder body = new StringBuilder(path.api() ? "{\"events\":[" : "");
        for (BenchEvent event : events(stream, r, base, random)) {
            switch (path) {
                case API, API_WRITE_BEHIND -> body.append(body.length() > 11 ? "," : "").append(event.json());
                case BULK -> body.append("{\"index\":{}}\n").append(event.json()).append('\n');
                case BULK_STORED -> body.append(event.storedBulkLines());
            }
        }
        return path.api() ? body.append("]}").toString() : body.toString();
    }

    /** CPU seconds of the node and of this client (which shares the machine's cores), read together. */
    record Cpu(double node, double client) {
        static Cpu now() throws Exception {
            double node = nodePid > 0 ? BenchNode.cpuSeconds(nodePid) : Double.NaN;
            double client = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return new Cpu(node, client);
        }

        Cpu since(Cpu before) {
            return new Cpu(node - before.node, client - before.client);
        }

        double total() {
            return node + client;
        }
    }

    /**
     * What a sustained stream measured: events sent, seconds through the API (drain included) and through
     * both plain bulks, and the CPU each path used (the node's and the client's).
     */
    record Sustained(long events, double apiSeconds, double drainSeconds, long profileWrites, double bulkSeconds, double storedSeconds, Cpu apiCpu, Cpu bulkCpu,
        Cpu storedCpu) {
        double apiRate() {
            return events / apiSeconds;
        }

        double bulkRate() {
            return events / bulkSeconds;
        }

        double storedRate() {
            return events / storedSeconds;
        }
    }

    /**
     * Sends requests of {@code stream} from {@link #CLIENT_THREADS} threads for {@link #SUSTAINED_SECONDS}
     * with {@code delay}, waits until nothing is held back, then sends the same events through plain bulk.
     * Request {@code r}'s body depends only on {@code r}, so both paths get the same events.
     */
    static Sustained sustained(RestClient client, Stream stream, String delay, int run) throws Exception {
        call(client, "PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.listeners.profile_write_delay\": \"" + delay + "\"}}");
        long base = 1_700_000_000_000L + 100L * 86_400_000L + run * 10L * 86_400_000L;
        long writesBefore = profileWrites(client);
        AtomicInteger next = new AtomicInteger();
        Cpu cpuBefore = Cpu.now();
        long start = System.nanoTime();
        long deadline = start + SUSTAINED_SECONDS * 1_000_000_000L;
        inParallel(() -> {
            while (System.nanoTime() < deadline) {
                int r = next.getAndIncrement(); // every number taken is sent: 0 to next - 1
                send(client, Path.API, body(stream, r, base, new Random(run * 100_003L + r), Path.API));
            }
            return null;
        });
        long sent = System.nanoTime();
        while (!call(client, "GET", "/_plugins/podcast/events/_write_behind", null).contains("\"listeners_waiting\":0")) {
            Thread.sleep(10);
        }
        long drained = System.nanoTime();
        Cpu apiCpu = Cpu.now().since(cpuBefore);
        long profileWrites = profileWrites(client) - writesBefore;
        int requests = next.get();
        Cpu bulkBefore = Cpu.now();
        double bulkSeconds = sendAll(client, stream, base, run, requests, Path.BULK);
        Cpu storedBefore = Cpu.now();
        double storedSeconds = sendAll(client, stream, base, run, requests, Path.BULK_STORED);
        Cpu storedCpu = Cpu.now().since(storedBefore);
        return new Sustained((long) requests * EVENTS_PER_REQUEST, (drained - start) / 1e9, (drained - sent) / 1e9, profileWrites, bulkSeconds, storedSeconds, apiCpu,
            storedBefore.since(bulkBefore), storedCpu);
    }

    /** Sends requests 0 to {@code requests - 1} of a sustained stream through {@code path} from the client threads; seconds. */
    static double sendAll(RestClient client, Stream stream, long base, int run, int requests, Path path) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(() -> {
            for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                send(client, path, body(stream, r, base, new Random(run * 100_003L + r), path));
            }
            return null;
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** Profile documents indexed so far (primaries): counts every profile write. */
    static long profileWrites(RestClient client) throws Exception {
        return Long.parseLong(call(client, "GET", "/_cat/indices/podcast-profiles?h=pri.indexing.index_total", null).trim());
    }

    /** Runs {@code task} on {@link #CLIENT_THREADS} threads and waits for all. */
    static void inParallel(java.util.concurrent.Callable<Void> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                futures.add(pool.submit(task));
            }
            for (Future<Void> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One request through {@code path}; fails on any per-item error. */
    static void send(RestClient client, Path path, String body) throws Exception {
        String response = path.api() ? call(client, "POST", path.endpoint(), body) : ndjson(client, path.endpoint(), body);
        if (response.contains("\"errors\":true")) {
            throw new IllegalStateException("errors: " + response.substring(0, Math.min(2000, response.length())));
        }
    }

    static void setUp(RestClient client) throws Exception {
        for (String index : new String[] { EPISODES_INDEX, PLAIN_INDEX, STORED_INDEX, "podcast-events", "podcast-profiles" }) {
            Request delete = new Request("DELETE", "/" + index);
            delete.addParameter("ignore_unavailable", "true");
            client.performRequest(delete);
        }
        call(client, "PUT", "/" + EPISODES_INDEX, """
            {"settings": {"index": {"knn": true, "number_of_shards": 1, "number_of_replicas": 0}},
             "mappings": {"properties": {"topics": {"type": "keyword"}, "show_id": {"type": "keyword"},
               "text_vector": {"type": "knn_vector", "dimension": 384, "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""");
        // the plain index has the shape of the events index: keywords, a date, numbers; one shard, no replica
        call(client, "PUT", "/" + PLAIN_INDEX, """
            {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}},
             "mappings": {"dynamic": "strict", "properties": {"listener_id": {"type": "keyword"}, "episode_id": {"type": "keyword"},
               "type": {"type": "keyword"}, "timestamp": {"type": "date"}, "position_s": {"type": "float"}, "duration_s": {"type": "float"}}}}""");
        Request stored = new Request("PUT", "/" + STORED_INDEX);
        Settings storedSettings = Settings.builder().put("index.number_of_shards", 1).put("index.number_of_replicas", 0).put(ListenerIndices.EVENTS_INDEX_SETTINGS).build();
        StringBuilder settingsJson = new StringBuilder();
        for (String key : storedSettings.keySet()) {
            settingsJson.append(settingsJson.isEmpty() ? "" : ",").append('"').append(key).append("\":\"").append(storedSettings.get(key)).append('"');
        }
        stored.setJsonEntity("{\"settings\": {" + settingsJson + "}, \"mappings\": " + BytesReference.bytes(ListenerIndices.eventsMapping()).utf8ToString() + "}");
        perform(client, stored);
        call(client, "PUT", "/_cluster/settings", "{\"persistent\": {\"plugins.podcast.episodes_index\": \"" + EPISODES_INDEX + "\"}}");
        Random random = new Random(1);
        for (int start = 0; start < EPISODES; start += 500) {
            StringBuilder bulk = new StringBuilder();
            for (int i = start; i < start + 500; i++) {
                float[] vector = new float[DIMENSION];
                double norm = 0;
                for (int d = 0; d < DIMENSION; d++) {
                    vector[d] = (float) random.nextGaussian() + (d == i % 30 ? 8f : 0f); // 30 clusters
                    norm += vector[d] * vector[d];
                }
                StringBuilder v = new StringBuilder();
                for (int d = 0; d < DIMENSION; d++) {
                    v.append(d == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", vector[d] / Math.sqrt(norm)));
                }
                bulk.append("{\"index\":{\"_id\":\"ep").append(i).append("\"}}\n");
                bulk.append("{\"show_id\":\"show").append(i % 200).append("\",\"topics\":[\"topic").append(i % 30).append("\",\"topic").append((i + 7) % 30)
                    .append("\",\"topic").append((i + 13) % 30).append("\"],\"text_vector\":[").append(v).append("]}\n");
            }
            ndjson(client, "/" + EPISODES_INDEX + "/_bulk?refresh=true", bulk.toString());
        }
    }

    static String call(RestClient client, String method, String path, String json) throws Exception {
        Request request = new Request(method, path);
        if (json != null) {
            request.setJsonEntity(json);
        }
        return perform(client, request);
    }

    static String ndjson(RestClient client, String path, String body) throws Exception {
        Request request = new Request("POST", path);
        request.setEntity(new StringEntity(body, ContentType.create("application/x-ndjson")));
        return perform(client, request);
    }

    /** 429s (the node's memory circuit breaker under load) counted per path, as a bulk client would see them. */
    static final Map<String, AtomicInteger> REJECTED = new ConcurrentHashMap<>();

    /** Sends a request; a 429 is retried after a growing pause, as bulk clients do, and counted. */
    static String perform(RestClient client, Request request) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return EntityUtils.toString(client.performRequest(request).getEntity());
            } catch (ResponseException e) {
                if (e.getResponse().getStatusLine().getStatusCode() != 429 || attempt == 20) {
                    throw e;
                }
                REJECTED.computeIfAbsent(request.getEndpoint(), k -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(50L * attempt);
            }
        }
    }

    static double perThousand(double cpuSeconds, Sustained result) {
        return cpuSeconds * 1000 / (result.events / 1000.0);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String all(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Collects the report's lines and prints them as Markdown. */
    static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String format, Object... args) {
            text.append(String.format(Locale.ROOT, format, args)).append('\n');
        }

        void print() {
            System.out.print(text);
        }
    }
}
