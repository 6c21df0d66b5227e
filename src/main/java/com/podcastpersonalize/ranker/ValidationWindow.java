package com.podcastpersonalize.ranker;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Which events validate the ranker instead of training it, set by one of two request fields:
 * {@code validation_days} (the last days before the newest event) or {@code validation_share} (the
 * latest share of the events, for events whose times span too little for whole days, e.g. minutes).
 * Computes the cut from the events' timestamps: events (and the examples replayed from them) at or
 * after the cut validate.
 */
public sealed interface ValidationWindow extends Writeable permits ValidationWindow.Days, ValidationWindow.Share {

    String DAYS_FIELD = "validation_days";
    String SHARE_FIELD = "validation_share";
    int DEFAULT_DAYS = 7;
    double MAX_SHARE = 0.9;

    /**
     * The cut for these event times (epoch ms, any order).
     *
     * @throws IllegalArgumentException naming the field when the cut would leave no event before it to train on
     */
    long cut(long[] timestamps);

    /** The field that sets this window ({@link #DAYS_FIELD} or {@link #SHARE_FIELD}). */
    String field();

    /** The field's value. */
    Number value();

    static ValidationWindow defaults() {
        return new Days(DEFAULT_DAYS);
    }

    /** From the fields of a request: null means not given; neither gives the default, both are refused. */
    static ValidationWindow of(Integer days, Double share) {
        if (days != null && share != null) {
            throw new IllegalArgumentException(
                "[" + DAYS_FIELD + "] and [" + SHARE_FIELD + "] cannot both be set: give one (days before the newest event, or a share of the events)"
            );
        }
        if (share != null) {
            return new Share(share);
        }
        return days == null ? defaults() : new Days(days);
    }

    /** From a stored status or model document; documents written before {@link Share} existed hold only {@code validation_days}. */
    static ValidationWindow read(Map<?, ?> stored) {
        Object share = stored.get(SHARE_FIELD);
        if (share instanceof Number number) {
            return new Share(number.doubleValue());
        }
        return new Days(((Number) stored.get(DAYS_FIELD)).intValue());
    }

    static ValidationWindow readFrom(StreamInput in) throws IOException {
        String field = in.readString();
        return switch (field) {
            case DAYS_FIELD -> new Days(in.readVInt());
            case SHARE_FIELD -> new Share(in.readDouble());
            default -> throw new IllegalStateException("unknown validation window [" + field + "]");
        };
    }

    default XContentBuilder writeField(XContentBuilder builder) throws IOException {
        return builder.field(field(), value());
    }

    /** The last {@code days} days before the newest event validate. */
    record Days(int days) implements ValidationWindow {

        public Days {
            if (days < 1 || days > 3650) {
                throw new IllegalArgumentException("[" + DAYS_FIELD + "] must be between 1 and 3650, got [" + days + "]");
            }
        }

        @Override
        public long cut(long[] timestamps) {
            long earliest = Arrays.stream(timestamps).min().orElseThrow(ValidationWindow::noEvents);
            long latest = Arrays.stream(timestamps).max().getAsLong();
            long cut = latest - days * Duration.ofDays(1).toMillis();
            if (earliest >= cut) {
                throw new IllegalArgumentException(
                    "[" + DAYS_FIELD + "] " + days + " leaves no events to train on: all " + timestamps.length + " events are within the last "
                        + (days == 1 ? "day" : days + " days") + " (" + span(earliest, latest) + "); use " + (days > 1 ? "fewer " + DAYS_FIELD + ", or " : "") + SHARE_FIELD
                        + " (e.g. 0.2) to validate on the latest share of the events"
                );
            }
            return cut;
        }

        @Override
        public String field() {
            return DAYS_FIELD;
        }

        @Override
        public Number value() {
            return days;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeString(DAYS_FIELD);
            out.writeVInt(days);
        }
    }

    /**
     * The latest {@code share} of the events validate: the cut is the time of the event at that quantile
     * (by time). Events at the cut's time all validate, so with tied times the validation part can hold
     * more than the share; the cut never moves past a tie to make it fit.
     */
    record Share(double share) implements ValidationWindow {

        public Share {
            if (!(share > 0 && share <= MAX_SHARE)) { // also refuses NaN
                throw new IllegalArgumentException("[" + SHARE_FIELD + "] must be a number above 0 and at most " + MAX_SHARE + ", got [" + share + "]");
            }
        }

        @Override
        public long cut(long[] timestamps) {
            if (timestamps.length == 0) {
                throw noEvents();
            }
            long[] sorted = timestamps.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            int validating = (int) Math.min(n, Math.max(1, Math.round(share * n)));
            long cut = sorted[n - validating];
            long earliest = sorted[0];
            if (cut == earliest) {
                long atEarliest = Arrays.stream(sorted).filter(t -> t == earliest).count();
                String why = atEarliest == n
                    ? "all " + n + " events have the same time [" + Instant.ofEpochMilli(earliest) + "], so no time splits them"
                    : "the latest " + validating + " of the " + n + " events reach back to the earliest time [" + Instant.ofEpochMilli(earliest)
                        + "], which " + atEarliest + " events share; use a smaller " + SHARE_FIELD;
                throw new IllegalArgumentException("[" + SHARE_FIELD + "] " + share + " leaves no events to train on: " + why);
            }
            return cut;
        }

        @Override
        public String field() {
            return SHARE_FIELD;
        }

        @Override
        public Number value() {
            return share;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeString(SHARE_FIELD);
            out.writeDouble(share);
        }
    }

    private static IllegalArgumentException noEvents() {
        return new IllegalArgumentException("no listening events to learn from: there are no event times to place the validation cut among");
    }

    private static String span(long earliest, long latest) {
        return "they span " + Duration.ofMillis(latest - earliest).toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ", from "
            + Instant.ofEpochMilli(earliest) + " to " + Instant.ofEpochMilli(latest);
    }
}
