package com.podcastpersonalize.model;

import com.podcastpersonalize.settings.PodcastSettings;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;
import org.opensearch.threadpool.ThreadPool;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node's text embedding entry point, shared by the ingest processor, the embed API, listener
 * search events and queries.
 *
 * <p>Models are loaded once per node, lazily, on first use. All inference runs on the plugin's own
 * bounded thread pool: a full queue fails the listener with a rejection (HTTP 429), never blocks a
 * transport or search thread.
 */
public final class TextEmbeddingService implements Closeable {

    private static final Logger LOGGER = LogManager.getLogger(TextEmbeddingService.class);

    /** Result of one embed call. */
    public record Embeddings(String model, int dimension, float[][] vectors) {}

    private final ModelCatalog catalog;
    private final TopicTaxonomy taxonomy;
    private final ThreadPool threadPool;
    private final String executor;
    private final ClusterSettings clusterSettings;
    private final int engineThreads;
    private final int chunkOverlapTokens;
    private final LoadOnce<TextEmbeddingModel> models = new LoadOnce<>();
    private final LoadOnce<TopicIndex> topicIndexes = new LoadOnce<>();

    public TextEmbeddingService(
        ModelCatalog catalog,
        TopicTaxonomy taxonomy,
        ThreadPool threadPool,
        String executor,
        ClusterSettings clusterSettings,
        int engineThreads,
        int chunkOverlapTokens
    ) {
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.threadPool = threadPool;
        this.executor = executor;
        this.clusterSettings = clusterSettings;
        this.engineThreads = engineThreads;
        this.chunkOverlapTokens = chunkOverlapTokens;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * The descriptor of {@code name}, or of the default model when {@code name} is null.
     *
     * @throws IllegalArgumentException naming the model and the known ones when it is not in the catalog
     */
    public ModelDescriptor resolve(String name) {
        String effective = name == null ? clusterSettings.get(PodcastSettings.TEXT_DEFAULT_MODEL) : name;
        return catalog.find(effective)
            .orElseThrow(
                () -> new IllegalArgumentException(
                    "unknown model [" + effective + "]; models this node can load: " + catalog.all().stream().map(ModelDescriptor::name).toList()
                )
            );
    }

    /** Embeds {@code texts} (one vector each) with the named model, or the default one when {@code modelName} is null. */
    public void embed(String modelName, List<String> texts, InputType type, ActionListener<Embeddings> listener) {
        final ModelDescriptor descriptor;
        try {
            descriptor = resolve(modelName);
        } catch (IllegalArgumentException e) {
            listener.onFailure(e);
            return;
        }
        int maxChunks = clusterSettings.get(PodcastSettings.TEXT_MAX_CHUNKS);
        int maxBatchTokens = clusterSettings.get(PodcastSettings.TEXT_MAX_BATCH_TOKENS);
        runOnInferencePool(listener, () -> {
            float[][] vectors = model(descriptor).embed(texts, type, maxChunks, maxBatchTokens);
            return new Embeddings(descriptor.name(), descriptor.dimension(), vectors);
        });
    }

    /** The taxonomy's labels embedded with the named model (computed once per model, then cached). */
    public void topicIndex(String modelName, ActionListener<TopicIndex> listener) {
        final ModelDescriptor descriptor;
        try {
            descriptor = resolve(modelName);
        } catch (IllegalArgumentException e) {
            listener.onFailure(e);
            return;
        }
        TopicIndex cached = topicIndexes.peek(descriptor.name());
        if (cached != null) {
            listener.onResponse(cached);
            return;
        }
        int maxBatchTokens = clusterSettings.get(PodcastSettings.TEXT_MAX_BATCH_TOKENS);
        runOnInferencePool(listener, () -> topicIndexes.get(descriptor.name(), () -> {
            List<String> texts = taxonomy.topics().stream().map(TopicTaxonomy.Topic::text).toList();
            return new TopicIndex(taxonomy.topics(), model(descriptor).embed(texts, InputType.QUERY, 1, maxBatchTokens));
        }));
    }

    /** Loaded models and how long each took to load, for the info API. */
    public Map<String, Long> loadedModelMillis() {
        Map<String, Long> loaded = new TreeMap<>();
        models.loaded().forEach((name, model) -> loaded.put(name, model.loadMillis()));
        return loaded;
    }

    /** Loads the model on first use (on the inference pool); concurrent first users wait for the same load. */
    TextEmbeddingModel model(ModelDescriptor descriptor) throws Exception {
        return models.get(descriptor.name(), () -> {
            TextEmbeddingModel model = TextEmbeddingModel.load(catalog, descriptor, engineThreads, chunkOverlapTokens);
            LOGGER.info("loaded text model [{}] in {} ms ({} engine threads)", descriptor.name(), model.loadMillis(), engineThreads);
            return model;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> void runOnInferencePool(ActionListener<T> listener, Work<T> work) {
        try {
            threadPool.executor(executor).execute(() -> {
                T result;
                try {
                    result = work.run();
                } catch (Exception e) {
                    listener.onFailure(e);
                    return;
                }
                listener.onResponse(result);
            });
        } catch (Exception rejected) { // OpenSearchRejectedExecutionException: reported as 429
            listener.onFailure(rejected);
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (TextEmbeddingModel model : models.loaded().values()) {
            try {
                model.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
