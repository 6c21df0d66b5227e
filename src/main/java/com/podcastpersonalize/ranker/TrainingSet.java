package com.podcastpersonalize.ranker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The examples a ranker is trained and validated on, with a fixed, named feature list. Every row's
 * features are checked when it is added (right count, all finite), so training never meets a bad
 * value and errors name the feature and row.
 */
public final class TrainingSet {

    private final List<String> featureNames;
    private final List<TrainingRow> rows;

    private TrainingSet(List<String> featureNames, List<TrainingRow> rows) {
        this.featureNames = featureNames;
        this.rows = rows;
    }

    public static Builder builder(List<String> featureNames) {
        return new Builder(featureNames);
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int featureCount() {
        return featureNames.size();
    }

    public List<TrainingRow> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The newest row's timestamp; the set must not be empty. */
    public long latestTimestamp() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("an empty training set has no latest timestamp");
        }
        return rows.stream().mapToLong(TrainingRow::timestamp).max().getAsLong();
    }

    public static final class Builder {

        private final List<String> featureNames;
        private final List<TrainingRow> rows = new ArrayList<>();

        private Builder(List<String> featureNames) {
            Objects.requireNonNull(featureNames, "featureNames");
            if (featureNames.isEmpty()) {
                throw new IllegalArgumentException("a ranker needs at least one feature");
            }
            Set<String> seen = new HashSet<>();
            for (String name : featureNames) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("feature names must not be blank: " + featureNames);
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException("feature [" + name + "] is listed twice");
                }
            }
            this.featureNames = List.copyOf(featureNames);
        }

        /** Adds a row; throws IllegalArgumentException naming the feature and row when a value is NaN or infinite. */
        public Builder add(float[] features, boolean positive, String group, long timestamp) {
            int row = rows.size();
            if (features == null || features.length != featureNames.size()) {
                throw new IllegalArgumentException(
                    "row " + row + " has " + (features == null ? "no" : features.length) + " features, expected " + featureNames.size() + " " + featureNames
                );
            }
            for (int i = 0; i < features.length; i++) {
                if (!Float.isFinite(features[i])) {
                    throw new IllegalArgumentException(
                        "feature [" + featureNames.get(i) + "] is " + features[i] + " in row " + row + " (group [" + group + "]); features must be finite numbers"
                    );
                }
            }
            Objects.requireNonNull(group, "group");
            rows.add(new TrainingRow(features.clone(), positive, group, timestamp));
            return this;
        }

        public int size() {
            return rows.size();
        }

        public TrainingSet build() {
            return new TrainingSet(featureNames, List.copyOf(rows));
        }
    }
}
