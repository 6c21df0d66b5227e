package com.podcastpersonalize.it.eval;

import java.util.List;

/**
 * A data set ready for the evaluation.
 *
 * @param name          short name used in tables, index names and listener ids
 * @param description   what it is, in words, for the report
 * @param items         the catalogue
 * @param textFields    the items' text fields (embedded by the pipeline, matched by more-like-this)
 * @param interactions  every listener's interactions
 * @param heldOutFraction share of each listener's interactions held out (the latest ones), and again of the training part for validation
 * @param positiveRating smallest rating that counts as relevant
 * @param events        how an interaction becomes listening events
 * @param rankerValidation how the learned ranker's training validates (the latest days, or the latest share, of the events)
 */
public record Dataset(
    String name,
    String description,
    List<Item> items,
    List<String> textFields,
    List<Interaction> interactions,
    double heldOutFraction,
    double positiveRating,
    EventMapper events,
    RankerValidation rankerValidation
) {

    public boolean positive(Interaction interaction) {
        return interaction.rating() >= positiveRating;
    }
}
