package com.podcastpersonalize.ranker;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.common.Strings;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.tasks.TaskId;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.tasks.CancellableTask;
import org.opensearch.tasks.Task;

import java.io.IOException;
import java.util.Map;

/**
 * One training as a task of the node that runs it: listed by {@code GET _tasks?actions=*podcast*} and
 * cancellable with {@code POST _tasks/<task id>/_cancel}. Started only by {@link ModelTrainingService#start}
 * (which takes the cluster-wide lock first), through the node client's {@code executeLocally}.
 *
 * @param <P> the training parameters of the kind
 */
public final class ModelTrainRequest<P extends Writeable & ToXContentObject> extends ActionRequest {

    private final String kind;
    private final P parameters;
    private final long version;

    ModelTrainRequest(String kind, P parameters, long version) {
        this.kind = kind;
        this.parameters = parameters;
        this.version = version;
    }

    public ModelTrainRequest(StreamInput in, Writeable.Reader<P> parametersReader) throws IOException {
        super(in);
        kind = in.readString();
        parameters = parametersReader.read(in);
        version = in.readLong();
    }

    P parameters() {
        return parameters;
    }

    long version() {
        return version;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(kind);
        parameters.writeTo(out);
        out.writeLong(version);
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    @Override
    public Task createTask(long id, String type, String action, TaskId parentTaskId, Map<String, String> headers) {
        String description = kind + " training of version [" + version + "]: " + Strings.toString(XContentType.JSON, parameters);
        return new CancellableTask(id, type, action, description, parentTaskId, headers) {
            @Override
            public boolean shouldCancelChildrenOnCancellation() {
                return true;
            }
        };
    }
}
