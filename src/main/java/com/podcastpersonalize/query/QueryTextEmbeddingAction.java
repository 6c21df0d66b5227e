package com.podcastpersonalize.query;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.ActionType;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

import java.io.IOException;

/**
 * Embeds a query text on the node that runs the action (the coordinating node of a search), with
 * the query-side prefix of the model. Internal: the {@code personalize} clause calls it during
 * rewrite through the node client, so that the work runs on that node's inference pool and the
 * request's thread context travels with it.
 */
public final class QueryTextEmbeddingAction extends ActionType<QueryTextEmbeddingAction.Response> {

    public static final String NAME = "cluster:internal/podcast/query/embed";
    public static final QueryTextEmbeddingAction INSTANCE = new QueryTextEmbeddingAction();

    private QueryTextEmbeddingAction() {
        super(NAME, Response::new);
    }

    /** The text to embed. */
    public static final class Request extends ActionRequest {
        private final String text;

        public Request(String text) {
            this.text = text;
        }

        public Request(StreamInput in) throws IOException {
            super(in);
            text = in.readString();
        }

        public String text() {
            return text;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            out.writeString(text);
        }

        @Override
        public ActionRequestValidationException validate() {
            return null;
        }
    }

    /** The unit-length query vector. */
    public static final class Response extends ActionResponse {
        private final float[] vector;

        public Response(float[] vector) {
            this.vector = vector;
        }

        public Response(StreamInput in) throws IOException {
            vector = in.readFloatArray();
        }

        public float[] vector() {
            return vector;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeFloatArray(vector);
        }
    }
}
