package com.podcastpersonalize.processor.audio.decode;

/**
 * Puts the input's name in front of every error a source raises while reading, so that a failure deep in a
 * codec still says which file it was.
 */
final class NamedSource implements AudioSource {

    private final String name;
    private final AudioSource source;

    NamedSource(String name, AudioSource source) {
        this.name = name;
        this.source = source;
    }

    @Override
    public int sampleRate() {
        return source.sampleRate();
    }

    @Override
    public int channels() {
        return source.channels();
    }

    @Override
    public long totalFrames() {
        return source.totalFrames();
    }

    @Override
    public String format() {
        return source.format();
    }

    @Override
    public int read(float[] buf, int off, int len) throws AudioDecodeException {
        try {
            return source.read(buf, off, len);
        } catch (AudioDecodeException e) {
            throw named(e);
        }
    }

    @Override
    public long skip(long frames) throws AudioDecodeException {
        try {
            return source.skip(frames);
        } catch (AudioDecodeException e) {
            throw named(e);
        }
    }

    private AudioDecodeException named(AudioDecodeException e) {
        return new AudioDecodeException(name + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        source.close();
    }
}
