package com.podcastpersonalize.ranker;

import com.podcastpersonalize.listeners.ProfileConfig;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.core.action.ActionListener;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One ranker training from the stored events to an active model: replays the events and their episodes
 * into labelled examples and trains on the training thread pool, then stores and activates the model. Reports its progress into the {@link LocalTraining}; {@code cancelled} is checked between
 * pages, during the replay and before every batch. Nothing is stored unless training finished.
 */
final class RankerTrainingJob extends EventsTrainingJob<RankerTrainingParameters, RankerModelStore> {

    RankerTrainingJob(Context context, RankerModelStore models) {
        super(context, models);
    }

    @Override
    protected void train(TrainingEvents events, RankerTrainingParameters parameters, LocalTraining live, BooleanSupplier cancelled, ActionListener<Long> done) {
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
