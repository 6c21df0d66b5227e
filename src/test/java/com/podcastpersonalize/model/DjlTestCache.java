package com.podcastpersonalize.model;

import java.nio.file.Path;

/**
 * The DJL cache folder of test JVMs: one per user, kept between runs. PyTorch extracts about 450 MB of
 * native libraries into it at first use, so a fresh temporary folder per run would refill the disk.
 */
public final class DjlTestCache {

    private DjlTestCache() {}

    /** Configures DJL (once per JVM) with the shared test cache folder. */
    public static void configure() {
        DjlRuntime.configure(Path.of(System.getProperty("java.io.tmpdir"), "podcast-personalize-djl-cache-" + System.getProperty("user.name")));
    }
}
