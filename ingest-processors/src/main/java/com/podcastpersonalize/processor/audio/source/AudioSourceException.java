package com.podcastpersonalize.processor.audio.source;

/** A source that may not, or cannot, be read; the message says which and why (a 400 for the document). */
public class AudioSourceException extends IllegalArgumentException {
    public AudioSourceException(String message) {
        super(message);
    }

    public AudioSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
