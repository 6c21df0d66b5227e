package com.podcastpersonalize.ranker;

import com.podcastpersonalize.events.EventDocument;
import com.podcastpersonalize.events.ListenerEvent;
import com.podcastpersonalize.events.StoredEventScan;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.EpisodeFeaturesReader;
import com.podcastpersonalize.listeners.EpisodeSource;
import com.podcastpersonalize.listeners.ResolvedEvent;

import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.transport.client.Client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/** Reads every stored event and the features of the episodes they name: the input of a training (the ranker's, the sequence model's). */
public final class StoredTrainingEvents {

    private final StoredEventScan scan;
    private final EpisodeFeaturesReader episodes;

    public StoredTrainingEvents(Client client) {
        this.scan = new StoredEventScan(client);
        this.episodes = new EpisodeFeaturesReader(client, null, EpisodeFeaturesReader.ItemFailures.FAIL);
    }

    /**
     * @param eventsRead told the number of events read after each page (progress)
     * @param beforeEpisodes called once every event was read, before the episodes are fetched (progress)
     */
    public void read(
        String eventsIndex,
        String episodesIndex,
        EpisodeSource episodeSource,
        BooleanSupplier cancelled,
        LongConsumer eventsRead,
        Runnable beforeEpisodes,
        ActionListener<TrainingEvents> listener
    ) {
        List<ListenerEvent> events = new ArrayList<>();
        List<float[]> queryVectors = new ArrayList<>();
        AtomicLong skipped = new AtomicLong();
        scan.scan(eventsIndex, QueryBuilders.matchAllQuery(), null, source -> {
            ListenerEvent event = readable(source);
            if (event == null) {
                skipped.incrementAndGet();
            } else {
                events.add(event);
                queryVectors.add(EventDocument.queryVector(source));
                if (events.size() % StoredEventScan.PAGE_SIZE == 0) {
                    eventsRead.accept(events.size());
                }
            }
        }, cancelled, ActionListener.wrap(read -> {
            eventsRead.accept(events.size());
            beforeEpisodes.run();
            List<String> named = List.copyOf(new LinkedHashSet<>(events.stream().map(ListenerEvent::episodeId).filter(id -> id != null).toList()));
            episodes.read(episodesIndex, episodeSource, named, cancelled, ActionListener.wrap(
                features -> listener.onResponse(resolve(events, queryVectors, features, skipped.get())),
                listener::onFailure
            ));
        }, listener::onFailure));
    }

    /** The event a stored document holds, or null when it was not written by the events API. */
    private static ListenerEvent readable(Map<String, Object> source) {
        try {
            ListenerEvent event = EventDocument.event(source);
            return event.id() == null || event.listenerId() == null ? null : event;
        } catch (RuntimeException e) {
            return null; // a missing or mistyped field
        }
    }

    private static TrainingEvents resolve(List<ListenerEvent> events, List<float[]> queryVectors, Map<String, EpisodeFeatures> episodes, long skipped) {
        List<ResolvedEvent> resolved = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ListenerEvent event = events.get(i);
            resolved.add(new ResolvedEvent(event, event.episodeId() == null ? null : episodes.get(event.episodeId()), queryVectors.get(i)));
        }
        return new TrainingEvents(resolved, episodes, skipped);
    }
}
