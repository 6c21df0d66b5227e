package com.podcastpersonalize.processor.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the librosa reference data lives. The team's own data (generated arrays, speech input) is on the test
 * classpath under {@code /audio-reference/}. The unlicensed upstream fixtures are read in place from
 * {@code shared/audio-reference}, found by walking up from {@code user.dir}; tests that need them fail (not
 * skip) with a message saying where they were looked for.
 */
public final class AudioReference {

    private AudioReference() {}

    public static byte[] resource(String path) {
        try (InputStream in = AudioReference.class.getResourceAsStream("/audio-reference/" + path)) {
            if (in == null) {
                throw new AssertionError("test resource /audio-reference/" + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Npy generated(String name) {
        try {
            return Npy.parse(resource("generated-librosa-0.11.0/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared folder holding the upstream fixtures; fails the test when it cannot be found. */
    public static Path shared() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("audio-reference");
            if (Files.isDirectory(candidate.resolve("upstream-npy"))) {
                return candidate;
            }
        }
        throw new AssertionError("librosa upstream reference data not found: looked for shared/audio-reference/upstream-npy in "
            + start + " and every parent directory (CI must have ../shared beside the clone)");
    }

    public static Npy upstream(String name) {
        try {
            return Npy.read(shared().resolve("upstream-npy").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path upstreamFile(String folder, String name) {
        Path p = shared().resolve(folder).resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("reference file missing: " + p);
        }
        return p;
    }
}
