package com.podcastpersonalize.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * JVM-wide DJL configuration for running inside an OpenSearch node.
 *
 * <p>DJL must never download (offline mode), must write its caches (extracted native libraries)
 * only where the node may write, and must see the plugin's class loader as the thread context class
 * loader while it loads engines and tokenizers (it finds them through service loaders and property
 * files on that loader).
 */
public final class DjlRuntime {

    private static volatile boolean configured;

    private DjlRuntime() {}

    /** Sets DJL's offline mode and cache folders under {@code cacheDir}, once per JVM (DJL's settings are JVM-wide). */
    public static synchronized void configure(Path cacheDir) {
        if (configured) {
            return;
        }
        try {
            Files.createDirectories(cacheDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create DJL cache folder " + cacheDir, e);
        }
        System.setProperty("ai.djl.offline", "true");
        setIfAbsent("DJL_CACHE_DIR", cacheDir.toString());
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir.toString());
        setIfAbsent("jna.tmpdir", cacheDir.resolve("jna").toString());
        // the PyTorch engine, when present, would otherwise become the default engine
        setIfAbsent("ai.djl.default_engine", "OnnxRuntime");
        // PyTorch (ranker training) on one thread: its models are tiny, and with more threads its OpenMP
        // workers spin against the node's search threads (measured: a 16-unit MLP trained 7x slower on 2 busy cores)
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        configured = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs {@code work} with the plugin's class loader as the thread context class loader. */
    public static <T> T withPluginClassLoader(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
