package com.podcastpersonalize.ranker;

import com.podcastpersonalize.collaborative.CoListening;
import com.podcastpersonalize.collaborative.CollaborativeTraining;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.EventWeights;
import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.listeners.ProfileConfig;
import com.podcastpersonalize.listeners.ProfileInterestsSource;
import com.podcastpersonalize.listeners.ProfileUpdater;
import com.podcastpersonalize.listeners.ResolvedEvent;
import com.podcastpersonalize.query.ListenerInterests;
import com.podcastpersonalize.query.PersonalFeatures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Labelled examples for the learned ranker, from the stored events replayed in time order: before
 * each event on an episode, the episode's {@link PersonalFeatures} are computed against the
 * listener's profile as it was then (the profile the query would have used), and the event labels
 * them: liked ({@link EventWeights#POSITIVE} or more) is positive, a skip or dislike negative, a
 * partial play neither. Each positive also gets sampled negatives: episodes of the catalogue the
 * listener had not heard, at the same moment. Popularity is the episode's number of likes so far;
 * co-listening comes from a model learned from the events before the validation cut only, so the
 * validation part stays unseen.
 */
public final class ReplayedExamples {

    /** One example: whose, when, the features (in {@link PersonalFeatures#NAMES} order) and the label. */
    public record Example(String listener, long timestamp, float[] features, boolean positive) {}

    /**
     * @param validationCut         events at or after this time (epoch ms) are validation; co-listening learns from the rest
     * @param negativesPerPositive  sampled unheard episodes per positive
     * @param seed                  the sampling seed
     * @param popularityPivot       the popularity that counts as one half (as the query's {@code popularity_pivot})
     * @param maxSeeds              liked episodes that seed co-listening (as {@code collaborative.max_seeds})
     * @param candidates            co-listening candidates per listener (as {@code collaborative.candidates})
     * @param profiles              how profiles learn (the node's listener settings)
     */
    public record Options(
        long validationCut,
        int negativesPerPositive,
        long seed,
        float popularityPivot,
        int maxSeeds,
        int candidates,
        ProfileConfig profiles
    ) {}

    private ReplayedExamples() {}

    /**
     * @param events    every event to learn from, any order (sorted here in the order profiles apply them)
     * @param episodes  the features of the episodes the events name, and of the catalogue negatives are sampled from
     * @param cancelled checked every 1,000 events; when true the replay stops with {@link java.util.concurrent.CancellationException}
     */
    public static List<Example> replay(List<ResolvedEvent> events, Map<String, EpisodeFeatures> episodes, Options options, BooleanSupplier cancelled) {
        requireFiniteVectors(episodes);
        List<ResolvedEvent> ordered = new ArrayList<>(events);
        ordered.sort(ResolvedEvent.APPLY_ORDER);
        CoListening coListening = learnCoListening(ordered, options.validationCut());
        List<String> catalogue = episodes.keySet().stream().sorted().toList();
        Random random = new Random(options.seed());
        ProfileUpdater updater = new ProfileUpdater(options.profiles());
        Map<String, Profile> profiles = new HashMap<>();
        Map<String, Integer> likes = new HashMap<>();
        Map<String, Map<String, Float>> coListened = new HashMap<>(); // per listener, until their likes change
        List<Example> examples = new ArrayList<>();
        int done = 0;
        for (ResolvedEvent resolved : ordered) {
            if (++done % 1000 == 0 && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("the training was cancelled");
            }
            String listener = resolved.event().listenerId();
            Profile profile = profiles.computeIfAbsent(listener, Profile::new);
            String episode = resolved.event().episodeId();
            double weight = EventWeights.weight(resolved.event());
            boolean heard = resolved.event().type().heard() && resolved.episode() != null;
            boolean positive = weight >= EventWeights.POSITIVE;
            if (heard && profile.totalEvents() > 0 && (positive || weight < 0)) {
                ListenerInterests interests = ProfileInterestsSource.interests(profile);
                Map<String, Float> collaborative = coListened.computeIfAbsent(listener, l -> collaborativeValues(coListening, profile, options));
                examples.add(example(listener, resolved.event().timestamp(), interests, episodes.get(episode), episode, likes, collaborative, options, positive));
                if (positive) {
                    Set<String> known = new HashSet<>();
                    profile.heard().forEach(h -> known.add(h.episodeId()));
                    known.add(episode);
                    for (int n = 0; n < options.negativesPerPositive() && known.size() < catalogue.size(); n++) {
                        String unheard = catalogue.get(random.nextInt(catalogue.size()));
                        if (known.add(unheard)) {
                            examples.add(example(listener, resolved.event().timestamp(), interests, episodes.get(unheard), unheard, likes, collaborative, options, false));
                        }
                    }
                }
            }
            boolean wasLiked = heard && likedNow(profile, episode);
            updater.apply(profile, List.of(resolved));
            if (heard && (positive || wasLiked)) {
                coListened.remove(listener); // the seeds changed
            }
            if (heard && positive) {
                likes.merge(episode, 1, Integer::sum);
            }
        }
        return examples;
    }

    /** A vector with NaN or infinity would poison every profile it enters: refuse it up front, naming the episode. */
    private static void requireFiniteVectors(Map<String, EpisodeFeatures> episodes) {
        for (Map.Entry<String, EpisodeFeatures> episode : episodes.entrySet()) {
            for (float[] vector : new float[][] { episode.getValue().textVector(), episode.getValue().audioVector() }) {
                if (vector != null) {
                    for (float value : vector) {
                        if (Float.isFinite(value) == false) {
                            throw new IllegalArgumentException("episode [" + episode.getKey() + "] has a vector value that is not a finite number [" + value + "]");
                        }
                    }
                }
            }
        }
    }

    private static CoListening learnCoListening(List<ResolvedEvent> ordered, long validationCut) {
        CoListening.Learner learner = new CoListening.Learner();
        for (ResolvedEvent resolved : ordered) {
            if (resolved.event().timestamp() < validationCut && resolved.event().episodeId() != null && resolved.event().type().heard()) {
                learner.add(resolved.event().listenerId(), resolved.event().episodeId(), resolved.event().timestamp(), EventWeights.weight(resolved.event()));
            }
        }
        return learner.learn(CollaborativeTraining.Parameters.defaults());
    }

    private static Map<String, Float> collaborativeValues(CoListening coListening, Profile profile, Options options) {
        Map<String, Float> values = new HashMap<>();
        for (ListenerInterests.CollaborativeCandidate candidate : coListening.candidates(profile.heard(), options.maxSeeds(), options.candidates())) {
            values.put(candidate.episodeId(), candidate.value());
        }
        return values;
    }

    private static boolean likedNow(Profile profile, String episode) {
        for (Profile.Heard heard : profile.heard()) {
            if (heard.episodeId().equals(episode)) {
                return heard.positive();
            }
        }
        return false;
    }

    private static Example example(
        String listener,
        long timestamp,
        ListenerInterests interests,
        EpisodeFeatures features,
        String episode,
        Map<String, Integer> likes,
        Map<String, Float> collaborative,
        Options options,
        boolean positive
    ) {
        float[] vector = PersonalFeatures.of(
            interests,
            features.textVector(),
            features.audioVector(),
            likes.getOrDefault(episode, 0),
            options.popularityPivot(),
            collaborative.getOrDefault(episode, 0f)
        );
        return new Example(listener, timestamp, vector, positive);
    }
}
