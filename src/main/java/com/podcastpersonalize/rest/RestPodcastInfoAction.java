package com.podcastpersonalize.rest;

import com.podcastpersonalize.model.ModelCatalog;
import com.podcastpersonalize.model.ModelDescriptor;
import com.podcastpersonalize.model.TextEmbeddingService;
import com.podcastpersonalize.plugin.PodcastPersonalizePlugin;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.Version;
import org.opensearch.action.admin.cluster.node.info.NodeInfo;
import org.opensearch.action.admin.cluster.node.info.NodesInfoRequest;
import org.opensearch.action.admin.cluster.node.info.NodesInfoResponse;
import org.opensearch.action.admin.cluster.node.info.PluginsAndModules;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.rest.BaseRestHandler;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.RestResponse;
import org.opensearch.rest.action.RestBuilderListener;
import org.opensearch.transport.client.node.NodeClient;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /_plugins/podcast/info}: which plugin and k-NN versions this node runs, the effective
 * settings, and the text models it can load (with the reason where one cannot be).
 */
public class RestPodcastInfoAction extends BaseRestHandler {

    public static final String PATH = "/_plugins/podcast/info";
    private static final String KNN_PLUGIN = "opensearch-knn";
    private static final String KNN_PLUGIN_CLASS = "org.opensearch.knn.plugin.KNNPlugin";

    private final Supplier<TextEmbeddingService> textEmbeddings;
    private final ClusterSettings clusterSettings;

    public RestPodcastInfoAction(Supplier<TextEmbeddingService> textEmbeddings, ClusterSettings clusterSettings) {
        this.textEmbeddings = textEmbeddings;
        this.clusterSettings = clusterSettings;
    }

    @Override
    public String getName() {
        return "podcast_info_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, PATH));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        // versions come from what this node really loaded, not from constants
        NodesInfoRequest nodesInfo = new NodesInfoRequest("_local").clear().addMetric(NodesInfoRequest.Metric.PLUGINS.metricName());
        return channel -> client.admin().cluster().nodesInfo(nodesInfo, new RestBuilderListener<NodesInfoResponse>(channel) {
            @Override
            public RestResponse buildResponse(NodesInfoResponse response, XContentBuilder builder) throws IOException {
                NodeInfo local = response.getNodes().get(0);
                List<PluginInfo> plugins = local.getInfo(PluginsAndModules.class).getPluginInfos();
                writeInfo(builder, local.getNode().getName(), plugins);
                return new BytesRestResponse(RestStatus.OK, builder);
            }
        });
    }

    private void writeInfo(XContentBuilder builder, String nodeName, List<PluginInfo> plugins) throws IOException {
        builder.startObject();
        builder.field("node", nodeName);
        builder.field("opensearch_version", Version.CURRENT.toString());
        writePlugin(builder, "plugin", PodcastPersonalizePlugin.NAME, find(plugins, PodcastPersonalizePlugin.NAME, PodcastPersonalizePlugin.class.getName()));
        writePlugin(builder, "knn", KNN_PLUGIN, find(plugins, KNN_PLUGIN, KNN_PLUGIN_CLASS));

        builder.startObject("settings");
        builder.field(PodcastSettings.EPISODES_INDEX.getKey(), clusterSettings.get(PodcastSettings.EPISODES_INDEX));
        builder.field(PodcastSettings.TEXT_DEFAULT_MODEL.getKey(), clusterSettings.get(PodcastSettings.TEXT_DEFAULT_MODEL));
        builder.field(PodcastSettings.TEXT_MAX_CHUNKS.getKey(), clusterSettings.get(PodcastSettings.TEXT_MAX_CHUNKS));
        builder.field(PodcastSettings.TEXT_MAX_BATCH_TOKENS.getKey(), clusterSettings.get(PodcastSettings.TEXT_MAX_BATCH_TOKENS));
        builder.field(PodcastSettings.AUDIO_ALLOWED_PATHS.getKey(), clusterSettings.get(PodcastSettings.AUDIO_ALLOWED_PATHS));
        builder.field(PodcastSettings.AUDIO_ALLOWED_HOSTS.getKey(), clusterSettings.get(PodcastSettings.AUDIO_ALLOWED_HOSTS));
        builder.endObject();

        ModelCatalog catalog = textEmbeddings.get().catalog();
        java.util.Map<String, Long> loaded = textEmbeddings.get().loadedModelMillis();
        builder.startObject("models");
        builder.field("catalog", catalog.origin());
        builder.field("default", catalog.defaultModel());
        builder.startArray("text");
        for (ModelDescriptor model : catalog.all()) {
            Optional<String> problem = catalog.missingFiles(model);
            builder.startObject()
                .field("name", model.name())
                .field("engine", model.engine())
                .field("dimension", model.dimension())
                .field("pooling", model.pooling().name().toLowerCase(java.util.Locale.ROOT))
                .field("max_tokens", model.maxTokens())
                .field("license", model.license())
                .field("loadable", problem.isEmpty())
                .field("loaded", loaded.containsKey(model.name()));
            if (loaded.containsKey(model.name())) {
                builder.field("load_millis", loaded.get(model.name()));
            }
            if (problem.isPresent()) {
                builder.field("problem", problem.get());
            }
            builder.endObject();
        }
        builder.endArray();
        builder.endObject();
        builder.endObject();
    }

    /** Installed plugins are named by their descriptor; plugins loaded from the classpath (in-JVM test nodes) by their class. */
    private static Optional<PluginInfo> find(List<PluginInfo> plugins, String name, String className) {
        return plugins.stream().filter(p -> p.getName().equals(name) || p.getClassname().equals(className)).findFirst();
    }

    private static void writePlugin(XContentBuilder builder, String field, String name, Optional<PluginInfo> plugin) throws IOException {
        builder.startObject(field);
        builder.field("name", name);
        if (plugin.isPresent()) {
            builder.field("version", plugin.get().getVersion());
        } else {
            builder.field("installed", false);
        }
        builder.endObject();
    }
}
