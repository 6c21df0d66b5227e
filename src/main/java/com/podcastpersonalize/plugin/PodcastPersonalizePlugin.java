package com.podcastpersonalize.plugin;

import com.podcastpersonalize.model.ModelCatalog;
import com.podcastpersonalize.rest.RestPodcastInfoAction;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.common.util.concurrent.OpenSearchExecutors;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.script.ScriptService;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.FixedExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Entry point of podcast-personalize: wires settings, thread pools, components and REST handlers.
 * It holds no logic of its own.
 */
public class PodcastPersonalizePlugin extends Plugin implements ActionPlugin {

    public static final String NAME = "podcast-personalize";
    /** Thread pool for model inference, so that it never runs on transport or search threads. */
    public static final String INFERENCE_THREAD_POOL = "podcast_inference";
    private static final String INFERENCE_THREAD_POOL_SETTINGS_PREFIX = PodcastSettings.PREFIX + "inference_pool";

    private ModelCatalog modelCatalog;

    @Override
    public Collection<Object> createComponents(
        Client client,
        ClusterService clusterService,
        ThreadPool threadPool,
        ResourceWatcherService resourceWatcherService,
        ScriptService scriptService,
        NamedXContentRegistry xContentRegistry,
        Environment environment,
        NodeEnvironment nodeEnvironment,
        NamedWriteableRegistry namedWriteableRegistry,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<RepositoriesService> repositoriesServiceSupplier
    ) {
        modelCatalog = ModelCatalog.load(Optional.of(environment.configDir().resolve(NAME)));
        return List.of(modelCatalog);
    }

    @Override
    public List<Setting<?>> getSettings() {
        return PodcastSettings.all();
    }

    @Override
    public List<ExecutorBuilder<?>> getExecutorBuilders(Settings settings) {
        int processors = OpenSearchExecutors.allocatedProcessors(settings);
        // settings plugins.podcast.inference_pool.size and .queue_size; a full queue rejects with 429
        return List.of(new FixedExecutorBuilder(settings, INFERENCE_THREAD_POOL, processors, 1000, INFERENCE_THREAD_POOL_SETTINGS_PREFIX));
    }

    @Override
    public List<RestHandler> getRestHandlers(
        Settings settings,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster
    ) {
        return List.of(new RestPodcastInfoAction(() -> modelCatalog, clusterSettings));
    }
}
