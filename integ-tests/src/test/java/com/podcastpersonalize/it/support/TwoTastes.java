package com.podcastpersonalize.it.support;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-built catalogue with two tastes whose right answers are known: jazz history and true
 * crime, plus a few episodes of neither. Two episodes share the words of an ambiguous query
 * ("New Orleans in 1918"): one about jazz, one about a murder case. A listener who finished only
 * jazz episodes must get the jazz one first; a listener who finished only true crime the other.
 */
public final class TwoTastes {

    /** One episode: its id, show, genre, text, age in days and play count. */
    public record Episode(String id, String show, String genre, String title, String description, int ageDays, int playCount) {}

    public static final String AMBIGUOUS_QUERY = "New Orleans in 1918";
    public static final String JAZZ_ANSWER = "jazz-storyville";
    public static final String CRIME_ANSWER = "crime-axeman";

    public static final List<Episode> EPISODES = List.of(
        new Episode(JAZZ_ANSWER, "jazz-roots", "jazz", "Storyville, New Orleans, 1918: the last days of the district where jazz was born",
            "Cornets, brass bands and the closing of Storyville pushed New Orleans jazz musicians like King Oliver and Louis Armstrong up the river to Chicago.", 40, 120),
        new Episode("jazz-armstrong", "jazz-roots", "jazz", "Louis Armstrong's Hot Five recordings",
            "How the trumpet solos of the Hot Five sessions changed jazz improvisation for good.", 30, 300),
        new Episode("jazz-ellington", "jazz-roots", "jazz", "Duke Ellington at the Cotton Club",
            "The big band, the Harlem nightclub and the orchestral sound of Ellington's swing era compositions.", 25, 250),
        new Episode("jazz-parker", "bebop-hour", "jazz", "Charlie Parker and the birth of bebop",
            "Fast tempos, saxophone improvisation and jam sessions at Minton's Playhouse in 1940s Harlem.", 20, 200),
        new Episode("jazz-kind-of-blue", "bebop-hour", "jazz", "Miles Davis and the making of Kind of Blue",
            "Modal jazz, Bill Evans' piano voicings and the two recording sessions of the best-selling jazz album.", 15, 400),
        new Episode("jazz-holiday", "jazz-roots", "jazz", "Billie Holiday sings Strange Fruit",
            "The jazz singer, the song and the night at Cafe Society that made history.", 10, 180),
        new Episode("jazz-coltrane", "bebop-hour", "jazz", "John Coltrane's A Love Supreme",
            "The saxophonist's spiritual suite and the classic quartet with McCoy Tyner and Elvin Jones.", 5, 220),
        new Episode(CRIME_ANSWER, "cold-cases", "crime", "The Axeman of New Orleans, 1918: the murders that were never solved",
            "A serial killer broke into homes at night, the police had no suspect, and a letter to the newspaper promised to spare houses playing jazz.", 40, 120),
        new Episode("crime-zodiac", "cold-cases", "crime", "The Zodiac killer's ciphers",
            "Coded letters to newspapers, a string of murders in northern California and the detectives who never closed the case.", 30, 300),
        new Episode("crime-dahlia", "cold-cases", "crime", "The Black Dahlia murder investigation",
            "A body found in Los Angeles in 1947, a media frenzy and dozens of false confessions.", 25, 250),
        new Episode("crime-heist", "true-crime-weekly", "crime", "The Gardner Museum art heist",
            "Thieves dressed as police officers stole thirteen works of art; the FBI is still investigating.", 20, 200),
        new Episode("crime-disappearance", "true-crime-weekly", "crime", "A disappearance on a cruise ship",
            "A missing passenger, a cabin with no witnesses and a murder trial years later.", 15, 400),
        new Episode("crime-forensics", "true-crime-weekly", "crime", "How DNA evidence reopened a cold case",
            "Forensic genealogy identified a suspect in a decades-old homicide.", 10, 180),
        new Episode("crime-con", "cold-cases", "crime", "The con man who sold the Eiffel Tower",
            "Forged documents, a fake government official and a fraud that worked twice.", 5, 220),
        new Episode("cook-gumbo", "kitchen-table", "cooking", "Cooking a New Orleans gumbo",
            "Roux, okra, andouille sausage and the holy trinity of Creole cooking.", 3, 500),
        new Episode("tech-chips", "silicon-weekly", "technology", "How computer chips are made",
            "Lithography, silicon wafers and the factories that build processors.", 2, 600)
    );

    /** Episodes a jazz lover finished (not the ambiguous ones). */
    public static final List<String> JAZZ_FINISHED = List.of("jazz-armstrong", "jazz-ellington", "jazz-parker", "jazz-kind-of-blue");
    /** Episodes a true-crime lover finished (not the ambiguous ones). */
    public static final List<String> CRIME_FINISHED = List.of("crime-zodiac", "crime-dahlia", "crime-heist", "crime-disappearance");

    private TwoTastes() {}

    /** Index settings and mappings of an episodes index with the given shard count, ingesting through {@code pipeline}. */
    public static String indexBody(int shards, int replicas, String pipeline) {
        return """
            {"settings": {"index": {"knn": true, "number_of_shards": %d, "number_of_replicas": %d, "default_pipeline": "%s"}},
             "mappings": {"properties": {
               "title": {"type": "text"}, "description": {"type": "text"},
               "show_id": {"type": "keyword"}, "genre": {"type": "keyword"},
               "topics": {"type": "keyword"}, "topics_scores": {"type": "float"},
               "published_at": {"type": "date"}, "play_count": {"type": "long"},
               "text_vector": {"type": "knn_vector", "dimension": 384,
                 "method": {"name": "hnsw", "engine": "lucene", "space_type": "cosinesimil"}}}}}""".formatted(shards, replicas, pipeline);
    }

    /** The ingest pipeline that embeds title and description, with topic tags. */
    public static final String PIPELINE = """
        {"processors": [{"podcast_text_embedding": {
            "source_fields": ["title", "description"], "target_field": "text_vector", "topics_field": "topics"}}]}""";

    /** A {@code _bulk} body indexing every episode. */
    public static String bulkBody() {
        StringBuilder bulk = new StringBuilder();
        Instant now = Instant.now();
        for (Episode e : EPISODES) {
            bulk.append("{\"index\":{\"_id\":\"").append(e.id()).append("\"}}\n");
            bulk.append(json(Map.of(
                "title", e.title(),
                "description", e.description(),
                "show_id", e.show(),
                "genre", e.genre(),
                "published_at", now.minus(e.ageDays(), ChronoUnit.DAYS).toString(),
                "play_count", e.playCount()
            ))).append('\n');
        }
        return bulk.toString();
    }

    /** An events API body: the listener finished each episode, one hour apart, ending an hour ago. */
    public static String finishedEvents(String listenerId, List<String> episodeIds) {
        List<Map<String, Object>> events = new ArrayList<>();
        Instant start = Instant.now().minus(episodeIds.size() + 1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < episodeIds.size(); i++) {
            events.add(Map.of(
                "listener_id", listenerId,
                "episode_id", episodeIds.get(i),
                "type", "complete",
                "timestamp", start.plus(i, ChronoUnit.HOURS).toString(),
                "position_s", 1800,
                "duration_s", 1800
            ));
        }
        return json(Map.of("events", events));
    }

    public static String genreOf(String episodeId) {
        return EPISODES.stream().filter(e -> e.id().equals(episodeId)).findFirst().orElseThrow().genre();
    }

    private static String json(Map<String, ?> map) {
        try (XContentBuilder builder = JsonXContent.contentBuilder()) {
            builder.map(map);
            return builder.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
