package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.model.DjlTestCache;
import com.podcastpersonalize.plugin.PodcastPersonalizePlugin;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.junit.BeforeClass;
import org.opensearch.client.Request;
import org.opensearch.client.RequestOptions;
import org.opensearch.client.Response;
import org.opensearch.common.network.NetworkModule;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.knn.plugin.KNNPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.opensearch.transport.Netty4ModulePlugin;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Internal cluster of 2 data nodes (each also cluster-manager eligible) with k-NN and our plugin,
 * and real HTTP so that tests go through the REST layer as users do.
 */
@OpenSearchIntegTestCase.ClusterScope(scope = OpenSearchIntegTestCase.Scope.SUITE, numDataNodes = 2, numClientNodes = 0, supportsDedicatedMasters = false)
public abstract class PodcastClusterTestCase extends OpenSearchIntegTestCase {

    /**
     * The in-JVM nodes use the unit tests' DJL cache folder (one per user, kept between runs) instead of
     * their temporary data paths: PyTorch's 432 MB of natives are extracted once per machine, not per suite.
     */
    @BeforeClass
    public static void useSharedDjlCache() {
        DjlTestCache.configure();
    }

    @Override
    protected Collection<Class<? extends Plugin>> nodePlugins() {
        return List.of(KNNPlugin.class, PodcastPersonalizePlugin.class, Netty4ModulePlugin.class);
    }

    @Override
    protected boolean addMockHttpTransport() {
        return false;
    }

    @Override
    protected Settings nodeSettings(int nodeOrdinal) {
        return Settings.builder()
            .put(super.nodeSettings(nodeOrdinal))
            .put(NetworkModule.HTTP_TYPE_KEY, Netty4ModulePlugin.NETTY_HTTP_TRANSPORT_NAME)
            .build();
    }

    /** Sends a REST request to a random node and returns the parsed JSON body. */
    protected Map<String, Object> rest(String method, String path, String jsonBody) throws Exception {
        Request request = new Request(method, path);
        if (jsonBody != null) {
            request.setJsonEntity(jsonBody);
        }
        // a bulk that embeds hundreds of episodes can take longer than the client's 30 s default on a busy
        // machine: the tests check results, not speed
        request.setOptions(RequestOptions.DEFAULT.toBuilder()
            .setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMinutes(5)).build()));
        Response response = getRestClient().performRequest(request);
        return parse(EntityUtils.toString(response.getEntity()));
    }

    protected static Map<String, Object> parse(String json) throws IOException {
        try (var parser = JsonXContent.jsonXContent.createParser(null, null, json)) {
            return parser.map();
        }
    }
}
