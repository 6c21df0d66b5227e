package com.podcastpersonalize.query;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.ActionType;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

import java.io.IOException;

/**
 * Loads what the {@code personalize} clause and rescorer need to know about a listener. Internal:
 * called during rewrite through the coordinating node's client (see {@link QueryTextEmbeddingAction}).
 */
public final class ListenerInterestsAction extends ActionType<ListenerInterestsAction.Response> {

    public static final String NAME = "cluster:internal/podcast/query/interests";
    public static final ListenerInterestsAction INSTANCE = new ListenerInterestsAction();

    private ListenerInterestsAction() {
        super(NAME, Response::new);
    }

    /**
     * The listener, as the search names them, whether collaborative candidates are wanted (they cost a
     * multi-get), and the strength to give the sequence model's predicted interest (0: none).
     */
    public static final class Request extends ActionRequest {
        private final String listenerId;
        private final boolean collaborative;
        private final float sequence;

        public Request(String listenerId, boolean collaborative, float sequence) {
            this.listenerId = listenerId;
            this.collaborative = collaborative;
            this.sequence = sequence;
        }

        public Request(StreamInput in) throws IOException {
            super(in);
            listenerId = in.readString();
            collaborative = in.readBoolean();
            sequence = in.readFloat();
        }

        public float sequence() {
            return sequence;
        }

        public String listenerId() {
            return listenerId;
        }

        public boolean collaborative() {
            return collaborative;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            out.writeString(listenerId);
            out.writeBoolean(collaborative);
            out.writeFloat(sequence);
        }

        @Override
        public ActionRequestValidationException validate() {
            return null;
        }
    }

    /** The listener's interests ({@link ListenerInterests#unknown()} for a listener nobody knows). */
    public static final class Response extends ActionResponse {
        private final ListenerInterests interests;

        public Response(ListenerInterests interests) {
            this.interests = interests;
        }

        public Response(StreamInput in) throws IOException {
            interests = new ListenerInterests(in);
        }

        public ListenerInterests interests() {
            return interests;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            interests.writeTo(out);
        }
    }
}
