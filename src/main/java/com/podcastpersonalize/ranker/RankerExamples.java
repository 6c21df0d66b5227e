package com.podcastpersonalize.ranker;

import com.podcastpersonalize.listeners.ProfileConfig;
import com.podcastpersonalize.query.PersonalFeatures;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Turns the stored events into the ranker's training set: replays them ({@link ReplayedExamples}) with
 * the validation cut of the parameters' {@link ValidationWindow}, one row per example with the
 * features in {@link PersonalFeatures#NAMES} order, grouped by listener.
 */
final class RankerExamples {

    /** Popularity (likes so far) that counts as one half, as the query's default {@code popularity_pivot}. */
    static final float POPULARITY_PIVOT = 1000f;

    /** The set and what went into it. */
    record Built(TrainingSet set, long validationCut, int examples, int positives) {}

    private RankerExamples() {}

    /**
     * @throws IllegalArgumentException when there is nothing to learn from, the validation window leaves no event
     *                                  to train on, or a feature is not a finite number
     * @throws java.util.concurrent.CancellationException when {@code cancelled} said so during the replay
     */
    static Built build(
        TrainingEvents events,
        RankerTrainingParameters parameters,
        ProfileConfig profiles,
        int maxSeeds,
        int candidates,
        BooleanSupplier cancelled
    ) {
        if (events.events().isEmpty()) {
            throw new IllegalArgumentException("no listening events to learn from: the events index holds none");
        }
        if (events.episodes().isEmpty()) {
            throw new IllegalArgumentException(
                "none of the " + events.events().size() + " events names an episode of the episodes index: there is nothing to learn from"
            );
        }
        long cut = parameters.validation().cut(events.timestamps());
        ReplayedExamples.Options options = new ReplayedExamples.Options(
            cut,
            parameters.negativesPerPositive(),
            parameters.seed(),
            POPULARITY_PIVOT,
            maxSeeds,
            candidates,
            profiles
        );
        List<ReplayedExamples.Example> examples = ReplayedExamples.replay(events.events(), events.episodes(), options, cancelled);
        TrainingSet.Builder rows = TrainingSet.builder(PersonalFeatures.NAMES);
        int positives = 0;
        for (ReplayedExamples.Example example : examples) {
            rows.add(example.features(), example.positive(), example.listener(), example.timestamp());
            positives += example.positive() ? 1 : 0;
        }
        return new Built(rows.build(), cut, examples.size(), positives);
    }
}
