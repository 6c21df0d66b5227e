package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.LocalTraining;
import com.podcastpersonalize.ranker.EventsTrainingJob;
import com.podcastpersonalize.ranker.TrainingEvents;

import org.opensearch.core.action.ActionListener;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One sequence model training from the stored events (with their episodes' text vectors) to an active
 * model: builds each listener's sequence of liked episodes ({@link ListeningSequences}),
 * holds each listener's latest one out ({@link HeldOutItems}), trains the GRU on the training thread pool
 * ({@link NextInterestTrainer}), validates it, and stores and activates it. Nothing is stored unless
 * training finished.
 */
final class SequenceTrainingJob extends EventsTrainingJob<SequenceTrainingParameters, SequenceModelStore> {

    SequenceTrainingJob(Context context, SequenceModelStore models) {
        super(context, models);
    }

    @Override
    protected void train(TrainingEvents events, SequenceTrainingParameters parameters, LocalTraining live, BooleanSupplier cancelled, ActionListener<Long> done) {
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
