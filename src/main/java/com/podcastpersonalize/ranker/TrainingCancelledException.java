package com.podcastpersonalize.ranker;

/** Training was cancelled by its caller; no model was produced. */
public final class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException(int epoch, int batch) {
        super("the training was cancelled (epoch " + epoch + ", batch " + batch + "); no model was produced");
    }
}
