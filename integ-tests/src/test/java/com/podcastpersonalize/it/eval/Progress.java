package com.podcastpersonalize.it.eval;

/** Progress lines on stderr (stdout carries the report). */
final class Progress {

    private Progress() {}

    static void log(String message) {
        System.err.println("[evaluate] " + message);
    }
}
