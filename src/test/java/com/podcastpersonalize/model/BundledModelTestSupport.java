package com.podcastpersonalize.model;

import java.nio.file.Path;

/** Loads the bundled default model once per test JVM (loading takes seconds; tests share it read-only). */
final class BundledModelTestSupport {

    private static TextEmbeddingModel model;

    private BundledModelTestSupport() {}

    static synchronized TextEmbeddingModel model() throws Exception {
        if (model == null) {
            DjlTestCache.configure();
            ModelCatalog catalog = ModelCatalog.load(java.util.Optional.<Path>empty());
            model = TextEmbeddingModel.load(catalog, catalog.find(catalog.defaultModel()).orElseThrow(), Runtime.getRuntime().availableProcessors(), 64);
        }
        return model;
    }
}
