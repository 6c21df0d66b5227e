package com.podcastpersonalize.it.eval;

/**
 * How the learned ranker's training validates on a data set: the body field of
 * {@code POST /_plugins/podcast/ranker/_train} that sets it and its value.
 *
 * @param field {@code validation_days} (the last days before the newest event) or {@code validation_share}
 *              (the latest share of the events, for data whose times span too little for days)
 */
public record RankerValidation(String field, Number value) {

    public static RankerValidation days(int days) {
        return new RankerValidation("validation_days", days);
    }

    public static RankerValidation share(double share) {
        return new RankerValidation("validation_share", share);
    }

    @Override
    public String toString() {
        return field + " " + value;
    }
}
