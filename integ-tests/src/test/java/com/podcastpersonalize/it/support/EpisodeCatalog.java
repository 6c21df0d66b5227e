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
import java.util.List;
import org.jsoup.Jsoup;

/** The real 2017 iTunes episode catalogue in {@code data/podcast-episodes-2017}, descriptions cleaned of HTML. */
public final class EpisodeCatalog {

    /** One episode as the tests index it. */
    public record Episode(String id, String podcastId, String title, String description) {}

    private EpisodeCatalog() {}

    public static List<Episode> load() throws IOException {
        Path file = Path.of("data/podcast-episodes-2017/episodes.csv");
        List<Episode> episodes = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                episodes.add(new Episode(record.get("id"), record.get("podcast_id"), record.get("title"), clean(record.get("description"))));
            }
        }
        return episodes;
    }

    static String clean(String html) {
        return Jsoup.parse(html).text();
    }
}
