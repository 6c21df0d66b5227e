package com.podcastpersonalize.it.eval;

/**
 * One thing a listener did with one item: a MovieLens rating, or a podcast subscription (rating 1).
 *
 * @param listener  the listener in the data set
 * @param item      the item's id (the document {@code _id} in the evaluation index)
 * @param rating    the rating given (MovieLens 0.5..5; 1 for a subscription)
 * @param timestamp when, in epoch seconds
 */
public record Interaction(String listener, String item, double rating, long timestamp) {}
