package com.podcastpersonalize.ranker;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.ActionType;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.tasks.TaskId;
import org.opensearch.tasks.CancellableTask;
import org.opensearch.tasks.Task;

import java.io.IOException;
import java.util.Map;

/**
 * One ranker training as a task of the node that runs it: listed by {@code GET _tasks?actions=*podcast/ranker*}
 * and cancellable with {@code POST _tasks/<task id>/_cancel}. Started only by {@link RankerTrainingService#start}
 * (which takes the cluster-wide lock first), through the node client's {@code executeLocally}.
 */
public final class RankerTrainAction extends ActionType<RankerTrainAction.Response> {

    public static final String NAME = "cluster:admin/podcast/ranker/train";
    public static final RankerTrainAction INSTANCE = new RankerTrainAction();

    private RankerTrainAction() {
        super(NAME, Response::new);
    }

    /** The parameters and the version the training will store its model as. */
    public static final class Request extends ActionRequest {
        private final RankerTrainingParameters parameters;
        private final long version;

        Request(RankerTrainingParameters parameters, long version) {
            this.parameters = parameters;
            this.version = version;
        }

        public Request(StreamInput in) throws IOException {
            super(in);
            parameters = new RankerTrainingParameters(in);
            version = in.readLong();
        }

        RankerTrainingParameters parameters() {
            return parameters;
        }

        long version() {
            return version;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            super.writeTo(out);
            parameters.writeTo(out);
            out.writeLong(version);
        }

        @Override
        public ActionRequestValidationException validate() {
            return null;
        }

        @Override
        public Task createTask(long id, String type, String action, TaskId parentTaskId, Map<String, String> headers) {
            String description = "ranker training of version [" + version + "]: model [" + parameters.model().label() + "], "
                + parameters.validation().field() + " [" + parameters.validation().value() + "]";
            return new CancellableTask(id, type, action, description, parentTaskId, headers) {
                @Override
                public boolean shouldCancelChildrenOnCancellation() {
                    return true;
                }
            };
        }
    }

    /** The version the training stored and activated. */
    public static final class Response extends ActionResponse {
        private final long version;

        Response(long version) {
            this.version = version;
        }

        public Response(StreamInput in) throws IOException {
            super(in);
            version = in.readLong();
        }

        public long version() {
            return version;
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeLong(version);
        }
    }
}
