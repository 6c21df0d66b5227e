package com.podcastpersonalize.it.eval;

import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MovieLens ml-latest-small ({@code data/movielens-latest-small}): every movie as an item with its
 * title, genres and the tags users gave it, and every rating with its timestamp.
 */
public final class MovieLensLoader {

    /** Ratings span 1996-2018, sparse at the end: the last half year validates the learned ranker. */
    static final RankerValidation RANKER_VALIDATION = RankerValidation.days(180);

    static final double HELD_OUT_FRACTION = 0.2;
    static final double POSITIVE_RATING = 4.0;

    private MovieLensLoader() {}

    public static Dataset load(Path dir) throws IOException {
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        for (CSVRecord record : CsvFiles.read(dir.resolve("tags.csv"))) {
            String tag = record.get("tag").trim();
            if (!tag.isEmpty()) {
                Set<String> movieTags = tags.computeIfAbsent(record.get("movieId"), id -> new LinkedHashSet<>());
                if (movieTags.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
                    movieTags.add(tag);
                }
            }
        }
        List<Item> items = new ArrayList<>();
        for (CSVRecord record : CsvFiles.read(dir.resolve("movies.csv"))) {
            String id = record.get("movieId");
            Map<String, String> text = new LinkedHashMap<>();
            text.put("title", record.get("title"));
            String genres = record.get("genres");
            if (!genres.isBlank() && !genres.toLowerCase(Locale.ROOT).contains("no genres listed")) {
                text.put("genres", String.join(", ", Arrays.asList(genres.split("\\|"))));
            }
            if (tags.containsKey(id)) {
                text.put("tags", String.join(", ", tags.get(id)));
            }
            items.add(new Item(id, text));
        }
        List<Interaction> ratings = new ArrayList<>();
        for (CSVRecord record : CsvFiles.read(dir.resolve("ratings.csv"))) {
            ratings.add(new Interaction(
                record.get("userId"),
                record.get("movieId"),
                Double.parseDouble(record.get("rating")),
                Long.parseLong(record.get("timestamp"))
            ));
        }
        return new Dataset(
            "movielens",
            "MovieLens ml-latest-small: " + items.size() + " movies (title, genres, tags), " + ratings.size() + " ratings with timestamps",
            items,
            List.of("title", "genres", "tags"),
            ratings,
            HELD_OUT_FRACTION,
            POSITIVE_RATING,
            new RatingEvents(),
            RANKER_VALIDATION
        );
    }
}
