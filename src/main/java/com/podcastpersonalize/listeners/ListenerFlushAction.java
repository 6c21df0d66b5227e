package com.podcastpersonalize.listeners;

import org.opensearch.action.ActionType;
import org.opensearch.action.FailedNodeException;
import org.opensearch.action.support.nodes.BaseNodeResponse;
import org.opensearch.action.support.nodes.BaseNodesRequest;
import org.opensearch.action.support.nodes.BaseNodesResponse;
import org.opensearch.cluster.ClusterName;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.transport.TransportRequest;

import java.io.IOException;
import java.util.List;

/**
 * Internal: makes every node write ({@link Mode#FLUSH}) or drop ({@link Mode#DISCARD}) the profile
 * changes it holds back for one listener (write-behind), answering once each node is done. Reads
 * that must see every event answered for (GET of a profile, rebuild) flush first; a delete discards,
 * so that no deferred change written later brings a deleted profile back.
 */
public final class ListenerFlushAction extends ActionType<ListenerFlushAction.Response> {

    public static final String NAME = "cluster:internal/podcast/listeners/flush";
    public static final ListenerFlushAction INSTANCE = new ListenerFlushAction();

    private ListenerFlushAction() {
        super(NAME, Response::new);
    }

    /** What each node does with the listener's deferred changes. */
    public enum Mode { FLUSH, DISCARD }

    /** The listener (its stored id) and the mode; sent to every node. */
    public static final class Request extends BaseNodesRequest<Request> {
        private final String storedId;
        private final Mode mode;

        public Request(String storedId, Mode mode) {
            super(new String[0]); // no node named: every node
            this.storedId = storedId;
            this.mode = mode;
        }

        public Request(StreamInput in) throws IOException {
            super(in);
            storedId = in.readString();
            mode = in.readEnum(Mode.class);
        }

        public String storedId() {
            return storedId;
        }

        public Mode mode() {
            return mode;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            out.writeString(storedId);
            out.writeEnum(mode);
        }
    }

    /** What one node is asked: the broadcast request itself. */
    public static final class NodeRequest extends TransportRequest {
        private final Request request;

        NodeRequest(Request request) {
            this.request = request;
        }

        public NodeRequest(StreamInput in) throws IOException {
            super(in);
            request = new Request(in);
        }

        String storedId() {
            return request.storedId();
        }

        Mode mode() {
            return request.mode();
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            request.writeTo(out);
        }
    }

    /** One node is done; {@code dropped}: it held back changes for the listener and dropped them. */
    public static final class NodeResponse extends BaseNodeResponse {
        private final boolean dropped;

        NodeResponse(DiscoveryNode node, boolean dropped) {
            super(node);
            this.dropped = dropped;
        }

        public NodeResponse(StreamInput in) throws IOException {
            super(in);
            dropped = in.readBoolean();
        }

        public boolean dropped() {
            return dropped;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            out.writeBoolean(dropped);
        }
    }

    /** Every node's answer; {@link #failures()} names the nodes that could not confirm. */
    public static final class Response extends BaseNodesResponse<NodeResponse> {
        /** Whether any node dropped held-back changes for the listener. */
        public boolean dropped() {
            return getNodes().stream().anyMatch(NodeResponse::dropped);
        }

        public Response(ClusterName clusterName, List<NodeResponse> nodes, List<FailedNodeException> failures) {
            super(clusterName, nodes, failures);
        }

        public Response(StreamInput in) throws IOException {
            super(in);
        }

        @Override
        protected List<NodeResponse> readNodesFrom(StreamInput in) throws IOException {
            return in.readList(NodeResponse::new);
        }

        @Override
        protected void writeNodesTo(StreamOutput out, List<NodeResponse> nodes) throws IOException {
            out.writeList(nodes);
        }
    }
}
