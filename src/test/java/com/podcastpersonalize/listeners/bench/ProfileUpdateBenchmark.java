package com.podcastpersonalize.listeners.bench;

import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.ListenerEvent;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.listeners.ProfileConfig;
import com.podcastpersonalize.listeners.ProfileUpdater;
import com.podcastpersonalize.listeners.ResolvedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The profile update math alone, one thread, no node: microseconds per event applied as a write-behind
 * flush applies them (a listener's held-back events folded into its profile), with the plugin's
 * default settings (5 interests, cosine 0.7, 200 recently heard) and the events benchmark's episodes
 * (2,000 episodes of 384 dimensions in 30 clusters, 3 topics each). Run:
 * {@code java -cp <test classpath> com.podcastpersonalize.listeners.bench.ProfileUpdateBenchmark [rounds]}.
 */
public final class ProfileUpdateBenchmark {

    static final int EPISODES = 2000;
    static final int DIMENSION = 384;
    static final int LISTENERS = 2000;
    static final int EVENTS_PER_FOLD = 70; // what a 5 s delay folds per listener in the scattered stream (0.014 writes per event)
    static final EventType[] TYPES = { EventType.PLAY, EventType.PLAY, EventType.COMPLETE, EventType.LIKE, EventType.SKIP, EventType.PLAY,
        EventType.COMPLETE, EventType.DISLIKE, EventType.PLAY, EventType.COMPLETE };

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Random random = new Random(1);
        List<EpisodeFeatures> episodes = new ArrayList<>();
        for (int i = 0; i < EPISODES; i++) {
            float[] vector = new float[DIMENSION];
            double norm = 0;
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) random.nextGaussian() + (d == i % 30 ? 8f : 0f);
                norm += vector[d] * vector[d];
            }
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] /= (float) Math.sqrt(norm);
            }
            episodes.add(new EpisodeFeatures(vector, null, List.of("topic" + i % 30, "topic" + (i + 7) % 30, "topic" + (i + 13) % 30), "show" + i % 200));
        }
        ProfileUpdater updater = new ProfileUpdater(new ProfileConfig(30L * 86_400_000, 86_400_000L, 5, 0.7, 200));
        Profile[] profiles = new Profile[LISTENERS];
        for (int l = 0; l < LISTENERS; l++) {
            profiles[l] = new Profile("bench-" + l);
        }
        long time = 1_700_000_000_000L;
        for (int round = -2; round < rounds; round++) { // two rounds to warm up (and fill the profiles)
            List<List<ResolvedEvent>> folds = new ArrayList<>();
            for (int l = 0; l < LISTENERS; l++) {
                List<ResolvedEvent> fold = new ArrayList<>(EVENTS_PER_FOLD);
                for (int e = 0; e < EVENTS_PER_FOLD; e++) {
                    time += 7;
                    int episode = random.nextInt(EPISODES);
                    EventType type = TYPES[random.nextInt(TYPES.length)];
                    ListenerEvent event = new ListenerEvent("e" + time, "bench-" + l, "ep" + episode, type, time, (double) random.nextInt(1800), 1800.0, null, null);
                    fold.add(new ResolvedEvent(event, episodes.get(episode), null));
                }
                folds.add(fold);
            }
            long start = System.nanoTime();
            for (int l = 0; l < LISTENERS; l++) {
                updater.apply(profiles[l], folds.get(l));
            }
            double micros = (System.nanoTime() - start) / 1e3 / ((double) LISTENERS * EVENTS_PER_FOLD);
            if (round >= 0) {
                System.out.printf(Locale.ROOT, "round %d: %.2f µs per event (%d listeners × %d events), interests per profile %d%n", round, micros, LISTENERS,
                    EVENTS_PER_FOLD, profiles[0].interests().size());
            }
        }
    }
}
