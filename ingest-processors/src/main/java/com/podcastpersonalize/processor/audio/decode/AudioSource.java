package com.podcastpersonalize.processor.audio.decode;

import java.io.Closeable;

/**
 * A stream of mono float PCM frames (channels already averaged, as {@code librosa.to_mono} does), read in
 * blocks so that memory stays bounded however long the audio is. Not thread-safe: one reader at a time.
 */
public interface AudioSource extends Closeable {

    /** Frames per second of the frames {@link #read} returns. */
    int sampleRate();

    /** Channels of the encoded stream (before the downmix). */
    int channels();

    /** Total frames, or -1 when the format does not say it up front. */
    long totalFrames();

    /** Short name of the encoding, e.g. "wav/pcm16", "mp3", "flac", "ogg/vorbis". */
    String format();

    /**
     * Reads up to {@code len} frames into {@code buf}; returns how many, 0 only when {@code len} is 0, or -1 at
     * the end of the audio.
     */
    int read(float[] buf, int off, int len) throws AudioDecodeException;

    /**
     * Moves forward by up to {@code frames} frames (by seeking where the format allows it, else by decoding and
     * discarding); returns how many were skipped, less only at the end of the audio.
     */
    long skip(long frames) throws AudioDecodeException;

    /** Duration in seconds, or -1 when unknown. */
    default double durationSeconds() {
        long total = totalFrames();
        return total < 0 ? -1 : (double) total / sampleRate();
    }

    @Override
    void close();
}
