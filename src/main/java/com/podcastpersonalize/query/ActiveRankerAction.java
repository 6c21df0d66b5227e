package com.podcastpersonalize.query;

import com.podcastpersonalize.ranker.RankerModel;
import com.podcastpersonalize.ranker.RankerModelCodec;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.ActionType;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

import java.io.IOException;

/**
 * Loads the learned ranker in use, for a {@code personalize} clause with {@code "ranker": "learned"}.
 * Internal: called during rewrite through the coordinating node's client, like
 * {@link ListenerInterestsAction}; the model then travels to the shards with the query.
 */
public final class ActiveRankerAction extends ActionType<ActiveRankerAction.Response> {

    public static final String NAME = "cluster:internal/podcast/query/ranker";
    public static final ActiveRankerAction INSTANCE = new ActiveRankerAction();

    private ActiveRankerAction() {
        super(NAME, Response::new);
    }

    /** No parameters: there is one model in use per cluster. */
    public static final class Request extends ActionRequest {
        public Request() {}

        public Request(StreamInput in) throws IOException {
            super(in);
        }

        @Override
        public ActionRequestValidationException validate() {
            return null;
        }
    }

    /** The model in use, or null before the first successful training. */
    public static final class Response extends ActionResponse {
        private final RankerModel model;

        public Response(RankerModel model) {
            this.model = model;
        }

        public Response(StreamInput in) throws IOException {
            model = in.readBoolean() ? RankerModelCodec.fromBytes(in.readBytesReference()) : null;
        }

        public RankerModel model() {
            return model;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeBoolean(model != null);
            if (model != null) {
                out.writeBytesReference(RankerModelCodec.toBytes(model));
            }
        }
    }
}
