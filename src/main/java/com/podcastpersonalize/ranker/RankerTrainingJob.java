package com.podcastpersonalize.ranker;

import com.podcastpersonalize.listeners.EpisodeSource;
import com.podcastpersonalize.listeners.ProfileConfig;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One training from the stored events to an active model: reads the events and their episodes, replays
 * them into labelled examples and trains on the training thread pool, then stores and activates the
 * model. Reports its progress into the {@link LocalTraining}; {@code cancelled} is checked between
 * pages, during the replay and before every batch. Nothing is stored unless training finished.
 */
final class RankerTrainingJob implements ModelTrainingService.Job<RankerTrainingParameters> {

    private final StoredTrainingEvents reader;
    private final RankerModelStore models;
    private final ClusterSettings settings;
    private final Executor trainingPool;
    private final LongSupplier clock;

    RankerTrainingJob(StoredTrainingEvents reader, RankerModelStore models, ClusterSettings settings, Executor trainingPool, LongSupplier clock) {
        this.reader = reader;
        this.models = models;
        this.settings = settings;
        this.trainingPool = trainingPool;
        this.clock = clock;
    }

    /** Completes with the stored model's version. */
    @Override
    public void run(LocalTraining live, RankerTrainingParameters parameters, BooleanSupplier cancelled, ActionListener<Long> done) {
        EpisodeSource episodes = new EpisodeSource(
            settings.get(PodcastSettings.LISTENERS_EPISODE_TOPICS_FIELD),
            settings.get(PodcastSettings.LISTENERS_EPISODE_SHOW_FIELD)
        );
        reader.read(
            settings.get(PodcastSettings.LISTENERS_EVENTS_INDEX),
            settings.get(PodcastSettings.EPISODES_INDEX),
            episodes,
            cancelled,
            read -> live.update(s -> s.withProgress(s.progress().withEvents(read))),
            () -> live.update(s -> s.withProgress(s.progress().inPhase("fetching_episodes"))),
            ActionListener.wrap(events -> TrainingPool.run(trainingPool, () -> train(events, parameters, live, cancelled, done), done), done::onFailure)
        );
    }

    private void train(TrainingEvents events, RankerTrainingParameters parameters, LocalTraining live, BooleanSupplier cancelled, ActionListener<Long> done) {
        live.update(s -> s.withProgress(s.progress().inPhase("replaying")));
        RankerExamples.Built built = RankerExamples.build(
            events,
            parameters,
            ProfileConfig.from(settings),
            settings.get(PodcastSettings.COLLABORATIVE_MAX_SEEDS),
            settings.get(PodcastSettings.COLLABORATIVE_CANDIDATES),
            cancelled
        );
        live.update(s -> s.withProgress(s.progress().withExamples(built.examples()).inPhase("training")));
        TrainingOptions options = TrainingOptions.defaults(parameters.model(), built.validationCut()).withSeed(parameters.seed());
        RankerModel model = RankerTrainer.train(built.set(), options, progress -> live.update(s -> s.withProgress(s.progress().training(progress))), cancelled)
            .withVersion(live.version());
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled after training, before the model was stored");
        }
        live.update(s -> s.withProgress(s.progress().inPhase("storing")));
        TrainingFigures figures = new TrainingFigures(
            events.events().size(),
            events.skipped(),
            events.listeners(),
            events.episodes().size(),
            built.examples(),
            built.positives(),
            built.validationCut(),
            clock.getAsLong() - live.status().startedAt()
        );
        models.storeAndActivate(model, figures, parameters, ActionListener.wrap(stored -> done.onResponse(model.version()), done::onFailure));
    }
}
