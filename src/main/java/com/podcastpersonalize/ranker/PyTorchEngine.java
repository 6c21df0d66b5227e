package com.podcastpersonalize.ranker;

import ai.djl.engine.Engine;

import com.podcastpersonalize.model.DjlRuntime;

/**
 * DJL's PyTorch engine, always asked for by name: PyTorch must never become the default engine, which
 * the text models (OnnxRuntime) rely on. The first use extracts the bundled native libraries (about
 * 450 MB) into DJL's engine cache folder (see {@link DjlRuntime#configure}); nothing is downloaded.
 * Public for the evaluation's sequence-model experiment, which trains on the same engine.
 */
public final class PyTorchEngine {

    public static final String NAME = "PyTorch";

    private PyTorchEngine() {}

    /** The engine, loaded with the plugin's class loader (DJL finds engines and natives through it). */
    public static Engine get() {
        try {
            return DjlRuntime.withPluginClassLoader(() -> Engine.getEngine(NAME));
        } catch (Exception e) {
            throw new IllegalStateException("the PyTorch engine could not be loaded: " + e.getMessage(), e);
        }
    }

    /** "PyTorch 2.7.1", for model metadata. */
    static String description() {
        return NAME + " " + get().getVersion();
    }
}
