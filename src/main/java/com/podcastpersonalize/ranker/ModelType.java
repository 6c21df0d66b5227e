package com.podcastpersonalize.ranker;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The network a ranker learns: both output one logit, the log-odds that the listener engages. */
public enum ModelType {
    /** One linear layer over the standardized features: logistic regression. */
    LOGISTIC("logistic"),
    /** One hidden layer of ReLU units, then a linear output. */
    MLP("mlp");

    private final String label;

    ModelType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type called {@code name} (as in a REST body), or an IllegalArgumentException listing the valid names. */
    public static ModelType fromLabel(String name) {
        for (ModelType type : values()) {
            if (type.label.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException(
            "unknown ranker model [" + name + "]: use one of " + Arrays.stream(values()).map(ModelType::label).collect(Collectors.joining(", "))
        );
    }
}
