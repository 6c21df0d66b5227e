package com.podcastpersonalize.ranker;

import com.podcastpersonalize.listeners.EpisodeSource;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One training from the stored events to an active model: reads every stored event and its episode
 * (reporting the events read), then hands them to {@link #train} on the training thread pool. A
 * failure, or a rejection by a full pool, reaches {@code done}.
 *
 * @param <P> the training parameters of the kind
 * @param <S> where the kind's models are stored
 */
public abstract class EventsTrainingJob<P, S extends ModelVersions<?>> {

    /** What every training job works with, made by {@link ModelTrainingService}. */
    public record Context(StoredTrainingEvents reader, ClusterSettings settings, Executor trainingPool, LongSupplier clock) {}

    protected final ClusterSettings settings;
    protected final LongSupplier clock;
    protected final S models;
    private final StoredTrainingEvents reader;
    private final Executor trainingPool;

    protected EventsTrainingJob(Context context, S models) {
        this.models = models;
        this.reader = context.reader();
        this.settings = context.settings();
        this.trainingPool = context.trainingPool();
        this.clock = context.clock();
    }

    /** Completes with the stored model's version; {@code cancelled} is checked between pages and by {@link #train}. */
    final void run(LocalTraining live, P parameters, BooleanSupplier cancelled, ActionListener<Long> done) {
        reader.read(
            settings.get(PodcastSettings.LISTENERS_EVENTS_INDEX),
            settings.get(PodcastSettings.EPISODES_INDEX),
            EpisodeSource.of(settings),
            cancelled,
            read -> live.update(s -> s.withProgress(s.progress().withEvents(read))),
            () -> live.update(s -> s.withProgress(s.progress().inPhase("fetching_episodes"))),
            ActionListener.wrap(events -> onTrainingPool(() -> train(events, parameters, live, cancelled, done), done), done::onFailure)
        );
    }

    private void onTrainingPool(Runnable work, ActionListener<Long> done) {
        try {
            trainingPool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    done.onFailure(e);
                }
            });
        } catch (RuntimeException rejected) {
            done.onFailure(rejected);
        }
    }

    /**
     * Learns from {@code events} on the training pool's thread, reporting progress into {@code live} and
     * checking {@code cancelled} often, then stores and activates the model and completes {@code done}
     * with its version. Nothing may be stored unless training finished.
     */
    protected abstract void train(TrainingEvents events, P parameters, LocalTraining live, BooleanSupplier cancelled, ActionListener<Long> done);
}
