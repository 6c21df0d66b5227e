package com.podcastpersonalize.it.eval;

import java.util.List;

/**
 * Everything measured on one data set.
 *
 * @param dataset        its short name
 * @param description    what it is, in words
 * @param catalogueSize  items indexed
 * @param listeners      listeners evaluated on the test split (those with a relevant held-out item, after sampling)
 * @param listenersWithRelevant listeners with a relevant held-out item before sampling
 * @param eventsSent     events sent through the events API (test and validation profiles)
 * @param systems        every system's test figures, in table order
 * @param tuning         the validation tuning
 * @param seconds        time taken by each stage
 */
public record DatasetResult(
    String dataset,
    String description,
    int catalogueSize,
    int listeners,
    int listenersWithRelevant,
    int eventsSent,
    List<SystemResult> systems,
    TuningResult tuning,
    java.util.Map<String, Double> seconds
) {

    /** The baseline with the best NDCG@10. */
    public SystemResult bestBaseline() {
        return systems.stream().filter(SystemResult::isBaseline).max(java.util.Comparator.comparingDouble(SystemResult::ndcg)).orElseThrow();
    }

    public SystemResult system(String name) {
        return systems.stream().filter(s -> s.system().equals(name)).findFirst().orElseThrow();
    }
}
