package com.podcastpersonalize.indices;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.ResourceAlreadyExistsException;
import org.opensearch.action.admin.cluster.health.ClusterHealthRequest;
import org.opensearch.action.admin.indices.create.CreateIndexRequest;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.transport.client.Client;

/**
 * Creates an index the plugin owns on first use, with its explicit mapping (never a guessed one),
 * and completes once its primary shards are active. A creation that races another one counts as
 * success; an alias of that name counts as ready.
 */
public final class ManagedIndexCreator {

    private static final TimeValue PRIMARIES_TIMEOUT = TimeValue.timeValueSeconds(30);

    private final Client client;
    private final ClusterService clusterService;

    public ManagedIndexCreator(Client client, ClusterService clusterService) {
        this.client = client;
        this.clusterService = clusterService;
    }

    /** Whether the index (or an alias of that name) exists in the cluster state this node has. */
    public boolean exists(String index) {
        var metadata = clusterService.state().metadata();
        return metadata.hasIndex(index) || metadata.hasAlias(index);
    }

    public void ensure(String index, Settings settings, XContentBuilder mapping, ActionListener<Void> listener) {
        if (exists(index)) {
            var routing = clusterService.state().routingTable();
            if (!routing.hasIndex(index) || routing.index(index).allPrimaryShardsActive()) {
                listener.onResponse(null); // an alias, or ready
            } else {
                waitForPrimaries(index, listener); // just created by another request
            }
            return;
        }
        client.admin().indices().create(new CreateIndexRequest(index).settings(settings).mapping(mapping), ActionListener.wrap(
            created -> listener.onResponse(null),
            e -> {
                if (e instanceof ResourceAlreadyExistsException || e.getCause() instanceof ResourceAlreadyExistsException) {
                    waitForPrimaries(index, listener); // created concurrently by another request
                } else {
                    listener.onFailure(e);
                }
            }
        ));
    }

    private void waitForPrimaries(String index, ActionListener<Void> listener) {
        client.admin().cluster().health(
            new ClusterHealthRequest(index).waitForYellowStatus().timeout(PRIMARIES_TIMEOUT),
            ActionListener.wrap(health -> {
                if (health.isTimedOut()) {
                    listener.onFailure(new OpenSearchStatusException(
                        "the primary shards of [" + index + "] did not start within " + PRIMARIES_TIMEOUT, RestStatus.SERVICE_UNAVAILABLE
                    ));
                } else {
                    listener.onResponse(null);
                }
            }, listener::onFailure)
        );
    }
}
