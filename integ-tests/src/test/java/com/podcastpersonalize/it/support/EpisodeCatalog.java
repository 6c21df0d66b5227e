package com.podcastpersonalize.it.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/** The real 2017 iTunes episode catalogue in {@code data/podcast-episodes-2017}, descriptions cleaned of HTML. */
public final class EpisodeCatalog {

    /** One episode as the tests index it; {@code publishedAt} is ISO-8601 (or null), {@code durationSeconds} 0 when unknown. */
    public record Episode(String id, String podcastId, String title, String description, String publishedAt, int durationSeconds) {}

    /** One show (podcast): its id, title and iTunes categories. */
    public record Show(String id, String title, List<String> categories) {}

    private EpisodeCatalog() {}

    public static List<Episode> load() throws IOException {
        Path file = Path.of("data/podcast-episodes-2017/episodes.csv");
        List<Episode> episodes = new ArrayList<>();
        for (CSVRecord record : records(file)) {
            episodes.add(new Episode(
                record.get("id"),
                record.get("podcast_id"),
                record.get("title"),
                clean(record.get("description")),
                isoDate(record.get("pub_date")),
                seconds(record.get("audio_length"))
            ));
        }
        return episodes;
    }

    /** Every show by id. */
    public static Map<String, Show> shows() throws IOException {
        Map<String, Show> shows = new LinkedHashMap<>();
        for (CSVRecord record : records(Path.of("data/podcast-episodes-2017/podcasts.csv"))) {
            List<String> categories = Arrays.stream(record.get("categories").split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).toList();
            shows.put(record.get("id"), new Show(record.get("id"), record.get("title"), categories));
        }
        return shows;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    /** "2017-12-01 00:09:47+00" as "2017-12-01T00:09:47+00:00"; null when empty. */
    static String isoDate(String pubDate) {
        if (pubDate == null || pubDate.isBlank()) {
            return null;
        }
        String iso = pubDate.trim().replace(' ', 'T');
        return iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
    }

    private static int seconds(String value) {
        try {
            return value == null || value.isBlank() ? 0 : (int) Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String clean(String html) {
        return Jsoup.parse(html).text();
    }
}
