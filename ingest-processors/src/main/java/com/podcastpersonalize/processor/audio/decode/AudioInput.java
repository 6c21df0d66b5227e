package com.podcastpersonalize.processor.audio.decode;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Encoded audio that can be opened more than once and whose size is known: a file (streamed, never read
 * whole) or bytes already in memory. Streams opened from a file seek on {@link InputStream#skip}.
 */
public abstract sealed class AudioInput permits AudioInput.FileInput, AudioInput.BytesInput {

    public static AudioInput of(Path file) {
        return new FileInput(file);
    }

    public static AudioInput of(byte[] bytes, String name) {
        return new BytesInput(bytes, name);
    }

    /** A name for messages (file name or the caller's label). */
    public abstract String name();

    public abstract long size() throws IOException;

    /** A new buffered stream over the whole input. */
    public abstract InputStream open() throws IOException;

    /** The last {@code n} bytes (fewer if the input is shorter). */
    public abstract byte[] tail(int n) throws IOException;

    /** The first {@code n} bytes (fewer if the input is shorter). */
    public byte[] head(int n) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(n);
        }
    }

    static final class FileInput extends AudioInput {
        private final Path file;

        FileInput(Path file) {
            this.file = file;
        }

        @Override
        public String name() {
            return String.valueOf(file.getFileName());
        }

        @Override
        public long size() throws IOException {
            return Files.size(file);
        }

        @Override
        public InputStream open() throws IOException {
            return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        }

        @Override
        public byte[] tail(int n) throws IOException {
            try (SeekableByteChannel ch = Files.newByteChannel(file)) {
                long start = Math.max(0, ch.size() - n);
                ch.position(start);
                ByteBuffer buf = ByteBuffer.allocate((int) (ch.size() - start));
                while (buf.hasRemaining() && ch.read(buf) > 0) {
                    // keep reading
                }
                return Arrays.copyOf(buf.array(), buf.position());
            }
        }
    }

    static final class BytesInput extends AudioInput {
        private final byte[] bytes;
        private final String name;

        BytesInput(byte[] bytes, String name) {
            this.bytes = bytes;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] tail(int n) {
            return Arrays.copyOfRange(bytes, Math.max(0, bytes.length - n), bytes.length);
        }
    }
}
