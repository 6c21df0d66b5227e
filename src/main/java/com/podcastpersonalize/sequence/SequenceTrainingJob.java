package com.podcastpersonalize.sequence;

import com.podcastpersonalize.listeners.EpisodeSource;
import com.podcastpersonalize.ranker.LocalTraining;
import com.podcastpersonalize.ranker.ModelTrainingService;
import com.podcastpersonalize.ranker.StoredTrainingEvents;
import com.podcastpersonalize.ranker.TrainingEvents;
import com.podcastpersonalize.ranker.TrainingPool;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One sequence model training from the stored events to an active model: reads the events and their
 * episodes' text vectors, builds each listener's sequence of liked episodes ({@link ListeningSequences}),
 * holds each listener's latest one out ({@link HeldOutItems}), trains the GRU on the training thread pool
 * ({@link NextInterestTrainer}), validates it, and stores and activates it. Nothing is stored unless
 * training finished.
 */
final class SequenceTrainingJob implements ModelTrainingService.Job<SequenceTrainingParameters> {

    private final StoredTrainingEvents reader;
    private final SequenceModelStore models;
    private final ClusterSettings settings;
    private final Executor trainingPool;
    private final LongSupplier clock;

    SequenceTrainingJob(StoredTrainingEvents reader, SequenceModelStore models, ClusterSettings settings, Executor trainingPool, LongSupplier clock) {
        this.reader = reader;
        this.models = models;
        this.settings = settings;
        this.trainingPool = trainingPool;
        this.clock = clock;
    }

    @Override
    public void run(LocalTraining live, SequenceTrainingParameters parameters, BooleanSupplier cancelled, ActionListener<Long> done) {
        reader.read(
            settings.get(PodcastSettings.LISTENERS_EVENTS_INDEX),
            settings.get(PodcastSettings.EPISODES_INDEX),
            new EpisodeSource(settings.get(PodcastSettings.LISTENERS_EPISODE_TOPICS_FIELD), settings.get(PodcastSettings.LISTENERS_EPISODE_SHOW_FIELD)),
            cancelled,
            read -> live.update(s -> s.withProgress(s.progress().withEvents(read))),
            () -> live.update(s -> s.withProgress(s.progress().inPhase("fetching_episodes"))),
            ActionListener.wrap(events -> TrainingPool.run(trainingPool, () -> train(events, parameters, live, cancelled, done), done), done::onFailure)
        );
    }

    private void train(TrainingEvents events, SequenceTrainingParameters parameters, LocalTraining live, BooleanSupplier cancelled, ActionListener<Long> done) {
        live.update(s -> s.withProgress(s.progress().inPhase("building_sequences")));
        ListeningSequences.Built built = ListeningSequences.build(events.events(), events.episodes());
        HeldOutItems heldOut = new HeldOutItems(built.sequences());
        SequenceModelOptions options = parameters.options();
        NextItemWindows windows = new NextItemWindows(built.catalogue(), heldOut.training(), options.window(), options.latestTargets());
        live.update(s -> s.withProgress(s.progress().withExamples(windows.size()).inPhase("training")));
        NextInterestModel model;
        NextInterestTrainer.Summary summary;
        HeldOutItems.Figures validation;
        try (NextInterestNetwork network = NextInterestNetwork.create(built.catalogue().dimension(), options)) {
            summary = new NextInterestTrainer(options).train(network, built.catalogue(), windows,
                progress -> live.update(s -> s.withProgress(s.progress().training(progress))), cancelled);
            live.update(s -> s.withProgress(s.progress().inPhase("validating")));
            validation = heldOut.evaluate(network, built.catalogue(), options.temperature());
            model = network.toModel(built.catalogue()).withVersion(live.version());
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled after training, before the model was stored");
        }
        live.update(s -> s.withProgress(s.progress().inPhase("storing")));
        SequenceModelDocument.Figures figures = new SequenceModelDocument.Figures(
            events.events().size(),
            events.listeners(),
            built.sequences().size(),
            built.catalogue().size(),
            summary,
            validation,
            clock.getAsLong() - live.status().startedAt()
        );
        try {
            models.storeAndActivate(model.version(), SequenceModelDocument.source(model, figures, parameters, clock.getAsLong()),
                ActionListener.wrap(stored -> done.onResponse(model.version()), done::onFailure));
        } catch (IOException e) {
            done.onFailure(e);
        }
    }
}
