package com.podcastpersonalize.ranker;

import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.time.Instant;

/**
 * What a training learned from, kept with its model version.
 *
 * @param events         stored events read
 * @param skippedEvents  stored events that could not be read as events (not written by the events API)
 * @param listeners      listeners among them
 * @param episodes       episodes the events name that the episodes index has (the catalogue negatives come from)
 * @param examples       labelled examples replayed (training and validation rows)
 * @param positives      positive examples among them
 * @param validationCut  epoch ms: events from then on validate
 * @param tookMillis     from the start of the training to the model's storage
 */
public record TrainingFigures(
    long events,
    long skippedEvents,
    int listeners,
    int episodes,
    int examples,
    int positives,
    long validationCut,
    long tookMillis
) implements ToXContentObject {

    TrainingFigures withTookMillis(long value) {
        return new TrainingFigures(events, skippedEvents, listeners, episodes, examples, positives, validationCut, value);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return writeFields(builder.startObject()).endObject();
    }

    /** The fields without an enclosing object (the model document puts them beside the model's own figures). */
    XContentBuilder writeFields(XContentBuilder builder) throws IOException {
        return builder.field("events", events)
            .field("skipped_events", skippedEvents)
            .field("listeners", listeners)
            .field("episodes", episodes)
            .field("examples", examples)
            .field("positives", positives)
            .field("validation_cut", Instant.ofEpochMilli(validationCut).toString())
            .field("took_ms", tookMillis);
    }
}
