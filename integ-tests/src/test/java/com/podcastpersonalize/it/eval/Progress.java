package com.podcastpersonalize.it.eval;

/** Progress lines on stderr (stdout carries the report). */
public final class Progress {

    private Progress() {}

    public static void log(String message) {
        System.err.println("[evaluate] " + message);
    }
}
