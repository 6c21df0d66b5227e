package com.podcastpersonalize.ranker;

/**
 * A trained network evaluated in plain Java: query-time scoring must take microseconds and must not
 * touch DJL or PyTorch. Implementations hold the weights exported from the trained DJL blocks.
 */
public sealed interface ScoringNetwork permits LinearNetwork, MlpNetwork {

    /** The log-odds for one row of standardized features. */
    double logit(double[] standardized);

    /** How many inputs the network takes. */
    int inputCount();

    ModelType type();
}
