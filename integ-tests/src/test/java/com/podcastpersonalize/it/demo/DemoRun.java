package com.podcastpersonalize.it.demo;

import com.podcastpersonalize.it.support.EpisodeCatalog;
import com.podcastpersonalize.it.support.JsonNodeClient;

import org.opensearch.client.ResponseException;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The demo's data and output, against the node bin/demo started: creates the {@code episodes}
 * pipeline and index and loads the real 2017 iTunes catalogue through it (skipped when a previous
 * run already did), lets four listeners with different tastes listen through the events API, and a
 * crowd of listeners who share part of each one's taste and also finish episodes of another
 * category; trains the co-listening model from those events; then prints, side by side, plain BM25
 * and each listener's personalized results for the same query, and a no-query recommendation per
 * listener through a search pipeline with {@code podcast_diversify} (one episode per show), with
 * the reasons from explain.
 *
 * <p>Run by {@code bin/demo}: {@code DemoRun <node url>}.
 */
public final class DemoRun {

    static final String INDEX = "episodes";
    static final String QUERY = "interview about the week's big story";
    static final String DIVERSE_PIPELINE = "demo-diverse";
    static final int CROWD_PER_LISTENER = 10;

    /** A simulated listener: an id, what they like in words, and the show category whose episodes they finish. */
    record Listener(String id, String taste, String category) {}

    static final List<Listener> LISTENERS = List.of(
        new Listener("sports-fan", "sports", "Sports & Recreation"),
        new Listener("tech-head", "technology", "Technology"),
        new Listener("news-junkie", "news and politics", "News & Politics"),
        new Listener("comedy-lover", "comedy", "Comedy")
    );

    private final JsonNodeClient client;

    private DemoRun(JsonNodeClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        try (JsonNodeClient client = new JsonNodeClient(args[0])) {
            new DemoRun(client).run();
        }
    }

    private void run() throws Exception {
        List<EpisodeCatalog.Episode> catalogue = EpisodeCatalog.load();
        Map<String, EpisodeCatalog.Show> shows = EpisodeCatalog.shows();
        loadCatalogue(catalogue, shows);
        forgetListeners();
        Map<Listener, List<EpisodeCatalog.Episode>> finished = new LinkedHashMap<>();
        for (Listener listener : LISTENERS) {
            finished.put(listener, listen(listener, catalogue, shows));
        }
        listenAsACrowd(finished);
        Map<String, Object> trained = client.send("POST", "/_plugins/podcast/collaborative/_train", (String) null);
        System.err.printf(Locale.ROOT, "[demo] co-listening model trained from %s events of %s listeners: %s episodes with neighbours (%s ms)%n",
            trained.get("events"), trained.get("listeners"), trained.get("episodes_with_neighbours"), trained.get("took_ms"));
        // ask for 10 times the page, diversify that pool, cut back to the page
        client.send("PUT", "/_search/pipeline/" + DIVERSE_PIPELINE, """
            {"description": "podcast-personalize demo: one episode per show on a recommendation page",
             "request_processors": [{"oversample": {"sample_factor": 10}}],
             "response_processors": [{"podcast_diversify": {"vector_field": "text_vector", "lambda": 0.3,
               "max_per_show": 1, "show_field": "show_id", "window": 30}}, {"truncate_hits": {}}]}""");
        System.out.println();
        System.out.println("== the same query, \"" + QUERY + "\", for plain BM25 and for each listener (top 3)");
        printHits("plain BM25 (no personalization)", search(bm25()));
        for (Listener listener : LISTENERS) {
            printHits(listener.id() + " (finished " + listener.taste() + " episodes)", search(personalize(listener.id(), QUERY)));
        }
        System.out.println();
        System.out.println("== no query: a recommendation for each listener (top 3, already heard episodes skipped,");
        System.out.println("   one episode per show by the " + DIVERSE_PIPELINE + " search pipeline)");
        for (Listener listener : LISTENERS) {
            printHits(listener.id(), client.send("POST", "/" + INDEX + "/_search?search_pipeline=" + DIVERSE_PIPELINE, personalize(listener.id(), null)));
        }
        printHits("a listener nobody knows (cold start)", search(personalize("new-listener-" + System.nanoTime(), null)));
    }

    /** Creates the pipeline and index and loads every episode, unless a previous run already did. */
    private void loadCatalogue(List<EpisodeCatalog.Episode> catalogue, Map<String, EpisodeCatalog.Show> shows) throws Exception {
        client.send("PUT", "/_ingest/pipeline/episodes", """
            {"description": "podcast-personalize demo: text embedding and topic tags of each episode",
             "processors": [{"podcast_text_embedding": {"source_fields": ["title", "description"],
               "target_field": "text_vector", "topics_field": "topics"}}]}""");
        if (count() == catalogue.size()) {
            System.err.printf(Locale.ROOT, "[demo] index %s already holds the %d episodes: reusing it%n", INDEX, catalogue.size());
            return;
        }
        sendIgnoring404("DELETE", "/" + INDEX);
        // the recommended episodes mapping the plugin ships (text and audio vectors, topics, popularity)
        client.send("PUT", "/" + INDEX, Files.readString(Path.of("config/episodes-index.json")));
        long start = System.nanoTime();
        int batch = 200;
        for (int from = 0; from < catalogue.size(); from += batch) {
            StringBuilder bulk = new StringBuilder();
            for (EpisodeCatalog.Episode episode : catalogue.subList(from, Math.min(catalogue.size(), from + batch))) {
                EpisodeCatalog.Show show = shows.get(episode.podcastId());
                bulk.append("{\"index\":{\"_id\":\"").append(episode.id()).append("\"}}\n");
                try (XContentBuilder doc = JsonXContent.contentBuilder()) {
                    doc.startObject().field("title", episode.title()).field("description", episode.description())
                        .field("show_id", episode.podcastId());
                    if (show != null) {
                        doc.field("show_title", show.title()).field("categories", show.categories());
                    }
                    if (episode.publishedAt() != null) {
                        doc.field("published_at", episode.publishedAt());
                    }
                    if (episode.durationSeconds() > 0) {
                        doc.field("duration_s", episode.durationSeconds());
                    }
                    doc.endObject();
                    bulk.append(doc.toString()).append('\n');
                }
            }
            Map<String, Object> response = client.send("POST", "/" + INDEX + "/_bulk", bulk.toString());
            if (Boolean.TRUE.equals(response.get("errors"))) {
                throw new IllegalStateException("some episodes failed to index: " + String.valueOf(response.get("items")).substring(0, 1000));
            }
            int done = Math.min(catalogue.size(), from + batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "[demo] indexed %d/%d episodes (%.0f episodes/s, %.0f s)%n", done, catalogue.size(), done / seconds, seconds);
        }
        client.send("POST", "/" + INDEX + "/_refresh", (String) null);
    }

    /**
     * Deletes the demo's listeners (profiles and events) left by an earlier run, so that every run
     * starts from the same history: the events of a run of older code may carry other ids, and would
     * otherwise stay in the profiles and the co-listening model next to this run's.
     */
    private void forgetListeners() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Listener listener : LISTENERS) {
            ids.add(listener.id());
            for (int c = 0; c < CROWD_PER_LISTENER; c++) {
                ids.add(crowdId(listener, c));
            }
        }
        for (String id : ids) {
            sendIgnoring404("DELETE", "/_plugins/podcast/listeners/" + id);
        }
        System.err.printf(Locale.ROOT, "[demo] the demo's %d listeners start afresh (profiles and events of earlier runs deleted)%n", ids.size());
    }

    private static String crowdId(Listener listener, int c) {
        return "crowd-" + listener.id() + "-" + c;
    }

    /**
     * Ten listeners per demo listener: each finished 4 of that listener's episodes and 2 of the
     * episodes the next demo listener finished (another category), so co-listening links them.
     */
    private void listenAsACrowd(Map<Listener, List<EpisodeCatalog.Episode>> finished) throws IOException {
        List<Listener> listeners = List.copyOf(finished.keySet());
        Random random = new Random(7);
        Instant start = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (XContentBuilder body = JsonXContent.contentBuilder()) {
            body.startObject().startArray("events");
            for (int l = 0; l < listeners.size(); l++) {
                List<EpisodeCatalog.Episode> own = finished.get(listeners.get(l));
                List<EpisodeCatalog.Episode> other = finished.get(listeners.get((l + 1) % listeners.size()));
                for (int c = 0; c < CROWD_PER_LISTENER; c++) {
                    String id = crowdId(listeners.get(l), c);
                    List<EpisodeCatalog.Episode> heard = new ArrayList<>();
                    heard.addAll(sample(own, 4, random));
                    heard.addAll(sample(other.subList(other.size() / 2, other.size()), 2, random));
                    for (int i = 0; i < heard.size(); i++) {
                        body.startObject().field("id", id + "-" + heard.get(i).id()).field("listener_id", id)
                            .field("episode_id", heard.get(i).id()).field("type", "complete")
                            .field("timestamp", start.plus(c * 24L + i, ChronoUnit.HOURS).toString()).endObject();
                    }
                }
            }
            body.endArray().endObject();
            Map<String, Object> response = client.send("POST", "/_plugins/podcast/events", body.toString());
            if (Boolean.TRUE.equals(response.get("errors"))) {
                throw new IllegalStateException("events failed: " + response);
            }
        }
        System.err.printf(Locale.ROOT, "[demo] a crowd of %d listeners finished episodes of two tastes each (events API)%n", CROWD_PER_LISTENER * listeners.size());
    }

    private static List<EpisodeCatalog.Episode> sample(List<EpisodeCatalog.Episode> episodes, int n, Random random) {
        List<EpisodeCatalog.Episode> shuffled = new ArrayList<>(episodes);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(n, shuffled.size()));
    }

    /** The listener finished ten episodes of shows in their category (and searched once), over the past days. */
    private List<EpisodeCatalog.Episode> listen(Listener listener, List<EpisodeCatalog.Episode> catalogue, Map<String, EpisodeCatalog.Show> shows) throws IOException {
        List<EpisodeCatalog.Episode> liked = catalogue.stream()
            // shows whose main (first) category is the listener's taste
            .filter(e -> shows.containsKey(e.podcastId()) && shows.get(e.podcastId()).categories().indexOf(listener.category()) == 0)
            .limit(10)
            .toList();
        Instant start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (XContentBuilder body = JsonXContent.contentBuilder()) {
            body.startObject().startArray("events");
            for (int i = 0; i < liked.size(); i++) {
                int duration = Math.max(600, liked.get(i).durationSeconds());
                body.startObject().field("id", listener.id() + "-" + liked.get(i).id())
                    .field("listener_id", listener.id()).field("episode_id", liked.get(i).id()).field("type", "complete")
                    .field("timestamp", start.plus(i * 20L, ChronoUnit.HOURS).toString())
                    .field("position_s", duration).field("duration_s", duration).endObject();
            }
            body.startObject().field("id", listener.id() + "-search").field("listener_id", listener.id()).field("type", "search")
                .field("query", listener.taste()).field("timestamp", start.plus(9, ChronoUnit.DAYS).toString()).endObject();
            body.endArray().endObject();
            Map<String, Object> response = client.send("POST", "/_plugins/podcast/events", body.toString());
            if (Boolean.TRUE.equals(response.get("errors"))) {
                throw new IllegalStateException("events failed: " + response);
            }
        }
        System.err.printf(Locale.ROOT, "[demo] %s finished %d %s episodes (events API)%n", listener.id(), liked.size(), listener.category());
        return liked;
    }

    private static String bm25() throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder()) {
            return b.startObject().field("size", 3).array("_source", "title", "show_title").startObject("query").startObject("multi_match")
                .field("query", QUERY).array("fields", "title^2", "description").endObject().endObject().endObject().toString();
        }
    }

    private static String personalize(String listenerId, String queryText) throws IOException {
        try (XContentBuilder b = JsonXContent.contentBuilder()) {
            // show_id and text_vector are what podcast_diversify reads (the cap per show, the similarity)
            b.startObject().field("size", 3).field("explain", true).array("_source", "title", "show_title", "show_id", "text_vector")
                .startObject("query").startObject("personalize").field("listener_id", listenerId);
            if (queryText != null) {
                b.field("query_text", queryText);
            }
            return b.array("text_fields", "title^2", "description").field("vector_field", "text_vector")
                .endObject().endObject().endObject().toString();
        }
    }

    @SuppressWarnings("unchecked")
    private static void printHits(String who, Map<String, Object> response) {
        System.out.println();
        System.out.println("-- " + who);
        List<Map<String, Object>> hits = (List<Map<String, Object>>) ((Map<String, Object>) response.get("hits")).get("hits");
        for (int i = 0; i < hits.size(); i++) {
            Map<String, Object> hit = hits.get(i);
            Map<String, Object> source = (Map<String, Object>) hit.get("_source");
            System.out.printf(Locale.ROOT, "  %d. %s  [%s]  score %.3f%n", i + 1, shorten((String) source.get("title"), 70),
                shorten(String.valueOf(source.getOrDefault("show_title", "?")), 30), ((Number) hit.get("_score")).doubleValue());
            String reason = reason((Map<String, Object>) hit.get("_explanation"));
            if (reason != null) {
                System.out.println("     why: " + reason);
            }
        }
    }

    /** The words after "personalize [...]:" in the explanation tree, if any. */
    @SuppressWarnings("unchecked")
    private static String reason(Map<String, Object> explanation) {
        if (explanation == null) {
            return null;
        }
        String description = String.valueOf(explanation.get("description"));
        if (description.startsWith("personalize [") && description.contains("]: ")) {
            return description.substring(description.indexOf("]: ") + 3) + "  (" + description.substring(12, description.indexOf(']') + 1) + ")";
        }
        for (Map<String, Object> detail : (List<Map<String, Object>>) explanation.getOrDefault("details", List.of())) {
            String found = reason(detail);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private long count() throws IOException {
        try {
            return ((Number) client.send("GET", "/" + INDEX + "/_count", (String) null).get("count")).longValue();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return -1;
            }
            throw e;
        }
    }

    private Map<String, Object> search(String body) throws IOException {
        return client.send("POST", "/" + INDEX + "/_search", body);
    }

    private void sendIgnoring404(String method, String path) throws IOException {
        try {
            client.send(method, path, (String) null);
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() != 404) {
                throw e;
            }
        }
    }
}
