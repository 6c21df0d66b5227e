package com.podcastpersonalize.it.support;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A listening history on the {@link TwoTastes} catalogue for the learned ranker: each listener has one
 * taste (jazz or true crime, alternately), and on each of the last {@code days} days either finishes an
 * episode of it or skips one of the other taste. Enough positives and negatives on both sides of a
 * 7-day validation cut to train and validate.
 */
public final class TwoTastesHistory {

    private static final List<String> JAZZ = TwoTastes.EPISODES.stream().filter(e -> e.genre().equals("jazz")).map(TwoTastes.Episode::id).toList();
    private static final List<String> CRIME = TwoTastes.EPISODES.stream().filter(e -> e.genre().equals("crime")).map(TwoTastes.Episode::id).toList();

    private TwoTastesHistory() {}

    /** An events API body for {@code listeners} listeners named {@code prefix-0...}, one event a day for {@code days} days, 30% skips. */
    public static String eventsBody(String prefix, int listeners, int days, long seed) {
        return eventsBody(prefix, listeners, days, seed, 0.3);
    }

    /** As {@link #eventsBody(String, int, int, long)} with {@code skipShare} of the events skips (0: only finished episodes). */
    public static String eventsBody(String prefix, int listeners, int days, long seed, double skipShare) {
        return eventsBody(prefix, listeners, days, seed, skipShare, Duration.ofDays(1));
    }

    /**
     * As {@link #eventsBody(String, int, int, long, double)} with one event per listener every {@code step}
     * (at a random moment of its first half) instead of every day: with a minute, all within an hour.
     */
    public static String eventsBody(String prefix, int listeners, int steps, long seed, double skipShare, Duration step) {
        Random random = new Random(seed);
        Instant end = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Duration jitterUnit = step.dividedBy(24 * 60).truncatedTo(ChronoUnit.MILLIS); // a minute of a day
        List<Map<String, Object>> events = new ArrayList<>();
        for (int l = 0; l < listeners; l++) {
            List<String> liked = l % 2 == 0 ? JAZZ : CRIME;
            List<String> other = l % 2 == 0 ? CRIME : JAZZ;
            for (int d = steps; d >= 1; d--) {
                boolean finishes = random.nextDouble() >= skipShare;
                List<String> from = finishes ? liked : other;
                events.add(Map.of(
                    "listener_id", prefix + "-" + l,
                    "episode_id", from.get(random.nextInt(from.size())),
                    "type", finishes ? "complete" : "skip",
                    "timestamp", end.minus(step.multipliedBy(d)).plus(jitterUnit.multipliedBy(random.nextInt(12 * 60))).toString()
                ));
            }
        }
        try (XContentBuilder builder = JsonXContent.contentBuilder()) {
            builder.map(Map.of("events", events));
            return builder.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
