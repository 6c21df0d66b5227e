package com.podcastpersonalize.ranker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time-based split: rows before the cut train the model, rows at or after it validate it, so the
 * validation metrics say how the model does on a future it has not seen. Both parts must hold positives
 * and negatives; otherwise there is nothing to learn or nothing to measure, and the error says which.
 */
public final class TimeSplit {

    private final long cut;
    private final List<TrainingRow> training;
    private final List<TrainingRow> validation;

    private TimeSplit(long cut, List<TrainingRow> training, List<TrainingRow> validation) {
        this.cut = cut;
        this.training = training;
        this.validation = validation;
    }

    /** The cut that puts the last {@code days} days before the newest row into validation. */
    public static long cutDaysBeforeLatest(TrainingSet set, double days) {
        if (!(days > 0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("[validation_days] must be a positive number, got " + days);
        }
        if (set.isEmpty()) {
            throw emptySet();
        }
        return set.latestTimestamp() - (long) (days * Duration.ofDays(1).toMillis());
    }

    /** Splits {@code set} at {@code cut}; IllegalArgumentException when a part is empty or has a single label. */
    public static TimeSplit at(TrainingSet set, long cut) {
        if (set.isEmpty()) {
            throw emptySet();
        }
        List<TrainingRow> training = new ArrayList<>();
        List<TrainingRow> validation = new ArrayList<>();
        for (TrainingRow row : set.rows()) {
            (row.timestamp() < cut ? training : validation).add(row);
        }
        String when = Instant.ofEpochMilli(cut).toString();
        if (training.isEmpty()) {
            throw new IllegalArgumentException(
                "the validation cut [" + when + "] leaves no training rows: all " + set.size() + " rows are at or after it; validate on less (fewer validation_days or a smaller validation_share)"
            );
        }
        if (validation.isEmpty()) {
            throw new IllegalArgumentException(
                "the validation cut [" + when + "] leaves no validation rows: all " + set.size() + " rows are before it; validate on more (more validation_days or a larger validation_share)"
            );
        }
        requireBothLabels(training, "training part (rows before " + when + ")");
        requireBothLabels(validation, "validation part (rows from " + when + ")");
        return new TimeSplit(cut, List.copyOf(training), List.copyOf(validation));
    }

    private static IllegalArgumentException emptySet() {
        return new IllegalArgumentException("no training rows: there are no events to learn from");
    }

    private static void requireBothLabels(List<TrainingRow> rows, String part) {
        long positives = rows.stream().filter(TrainingRow::positive).count();
        if (positives == 0 || positives == rows.size()) {
            throw new IllegalArgumentException(
                "the " + part + " has only " + (positives == 0 ? "negative" : "positive") + " labels (" + rows.size()
                    + " rows); the ranker needs both positives and negatives there"
            );
        }
    }

    public long cut() {
        return cut;
    }

    public List<TrainingRow> training() {
        return training;
    }

    public List<TrainingRow> validation() {
        return validation;
    }
}
