package com.podcastpersonalize.processor.audio.decode;

import java.io.IOException;

/**
 * The audio could not be decoded: unknown or unsupported format, a corrupt or truncated file, a header
 * with impossible values, samples that are NaN or infinite, or a configured limit was exceeded. The message names the problem so that it
 * can be shown to whoever indexed the episode.
 */
public class AudioDecodeException extends IOException {

    public AudioDecodeException(String message) {
        super(message);
    }

    public AudioDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
