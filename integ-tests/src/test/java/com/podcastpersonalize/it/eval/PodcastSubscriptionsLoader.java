package com.podcastpersonalize.it.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apple Podcasts co-subscriptions ({@code data/podcast-cosubscriptions}): every show of
 * {@code podcast_info*.json} as an item (title, genre, description; id from its Apple link, the
 * first of two entries with the same id kept), and one listener per list of
 * {@code podcast_subs_dev.json}: the show and the shows its listeners also subscribe to, matched by
 * title. Lists with fewer than {@value #MIN_SHOWS} matched shows are left out (too short to hold
 * some out and tune on the rest).
 *
 * <p>The data has no time: each listener's shows are put in a seeded random order and given
 * timestamps a minute apart, so that holding out "the latest" 30 % holds out a random 30 %.
 */
public final class PodcastSubscriptionsLoader {

    static final int MIN_SHOWS = 5;
    static final RankerValidation RANKER_VALIDATION = RankerValidation.share(0.2);
    static final double HELD_OUT_FRACTION = 0.3;
    /** 2020-06-01T00:00:00Z, around when the lists were scraped. */
    static final long BASE_TIMESTAMP = 1_590_969_600L;
    private static final Pattern APPLE_ID = Pattern.compile("/id(\\d+)");

    private PodcastSubscriptionsLoader() {}

    public static Dataset load(Path dir, long seed) throws IOException {
        List<Item> items = new ArrayList<>();
        Map<String, String> idByTitle = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Map<String, Object>> shows = new ArrayList<>(JsonFiles.readObjects(dir.resolve("podcast_info.json")));
        shows.addAll(JsonFiles.readObjects(dir.resolve("podcast_info_add.json")));
        for (Map<String, Object> show : shows) {
            String title = string(show, "title");
            Matcher m = APPLE_ID.matcher(string(show, "link"));
            if (title.isBlank() || !m.find() || !ids.add("id" + m.group(1))) {
                continue;
            }
            String id = "id" + m.group(1);
            idByTitle.putIfAbsent(title, id);
            Map<String, String> text = new LinkedHashMap<>();
            text.put("title", title);
            putIfPresent(text, "genre", string(show, "genre"));
            putIfPresent(text, "description", string(show, "description"));
            items.add(new Item(id, text));
        }
        List<Interaction> subscriptions = new ArrayList<>();
        Random random = new Random(seed);
        int listeners = 0;
        for (Map<String, Object> list : JsonFiles.readObjects(dir.resolve("podcast_subs_dev.json"))) {
            List<String> listened = new ArrayList<>(matched(list, idByTitle));
            if (listened.size() < MIN_SHOWS) {
                continue;
            }
            Collections.shuffle(listened, random);
            String listener = "pc" + listeners++;
            for (int i = 0; i < listened.size(); i++) {
                subscriptions.add(new Interaction(listener, listened.get(i), 1.0, BASE_TIMESTAMP + 60L * i));
            }
        }
        return new Dataset(
            "podcasts",
            "Apple Podcasts co-subscriptions: " + items.size() + " shows (title, genre, description), " + listeners
                + " listeners (a show and the shows its listeners also subscribe to, ≥ " + MIN_SHOWS + " matched), "
                + subscriptions.size() + " subscriptions",
            items,
            List.of("title", "genre", "description"),
            subscriptions,
            HELD_OUT_FRACTION,
            1.0,
            new SubscriptionEvents(),
            // every subscription is minutes apart (the data has no time): no window of whole days leaves
            // anything to train on, so the latest fifth of the events validates
            RANKER_VALIDATION
        );
    }

    /** The list's own show and its co-subscribed shows that are in the catalogue, without repeats. */
    private static Set<String> matched(Map<String, Object> list, Map<String, String> idByTitle) {
        Set<String> matched = new LinkedHashSet<>();
        String own = idByTitle.get(string(list, "title"));
        if (own != null) {
            matched.add(own);
        }
        if (list.get("subs") instanceof List<?> subs) {
            for (Object title : subs) {
                String id = idByTitle.get(String.valueOf(title));
                if (id != null) {
                    matched.add(id);
                }
            }
        }
        return matched;
    }

    private static String string(Map<String, Object> object, String field) {
        Object value = object.get(field);
        return value == null ? "" : value.toString().trim();
    }

    private static void putIfPresent(Map<String, String> text, String field, String value) {
        if (!value.isBlank()) {
            text.put(field, value);
        }
    }
}
