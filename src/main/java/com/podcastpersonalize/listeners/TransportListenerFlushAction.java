package com.podcastpersonalize.listeners;

import org.opensearch.OpenSearchTimeoutException;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.nodes.TransportNodesAction;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.TransportService;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@link ListenerFlushAction} on each node from its {@link ProfileStore}. The node operation
 * runs on the generic pool and waits there for the listener's write in flight, if any (a bulk of
 * profile writes: milliseconds); the wait is bounded so that a stuck write fails the node's answer
 * rather than the pool.
 */
public final class TransportListenerFlushAction extends TransportNodesAction<
    ListenerFlushAction.Request,
    ListenerFlushAction.Response,
    ListenerFlushAction.NodeRequest,
    ListenerFlushAction.NodeResponse> {

    static final long WAIT_SECONDS = 60;

    private final ProfileStore store;

    @Inject
    public TransportListenerFlushAction(ThreadPool threadPool, ClusterService clusterService, TransportService transportService, ActionFilters actionFilters,
        ProfileStore store) {
        super(
            ListenerFlushAction.NAME,
            threadPool,
            clusterService,
            transportService,
            actionFilters,
            ListenerFlushAction.Request::new,
            ListenerFlushAction.NodeRequest::new,
            ThreadPool.Names.GENERIC,
            ListenerFlushAction.NodeResponse.class
        );
        this.store = store;
    }

    @Override
    protected ListenerFlushAction.Response newResponse(ListenerFlushAction.Request request, List<ListenerFlushAction.NodeResponse> responses,
        List<FailedNodeException> failures) {
        return new ListenerFlushAction.Response(clusterService.getClusterName(), responses, failures);
    }

    @Override
    protected ListenerFlushAction.NodeRequest newNodeRequest(ListenerFlushAction.Request request) {
        return new ListenerFlushAction.NodeRequest(request);
    }

    @Override
    protected ListenerFlushAction.NodeResponse newNodeResponse(StreamInput in) throws IOException {
        return new ListenerFlushAction.NodeResponse(in);
    }

    @Override
    protected ListenerFlushAction.NodeResponse nodeOperation(ListenerFlushAction.NodeRequest request) {
        CountDownLatch done = new CountDownLatch(1);
        boolean dropped = false;
        if (request.mode() == ListenerFlushAction.Mode.FLUSH) {
            store.flushLocal(request.storedId(), done::countDown);
        } else {
            dropped = store.discard(request.storedId(), done::countDown);
        }
        try {
            if (done.await(WAIT_SECONDS, TimeUnit.SECONDS) == false) {
                throw new OpenSearchTimeoutException("the profile write of the listener did not land within " + WAIT_SECONDS + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchTimeoutException("interrupted while waiting for the profile write of the listener", e);
        }
        return new ListenerFlushAction.NodeResponse(clusterService.localNode(), dropped);
    }
}
