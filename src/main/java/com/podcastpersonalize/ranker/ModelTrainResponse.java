package com.podcastpersonalize.ranker;

import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

import java.io.IOException;

/** The version a training stored and activated. */
public final class ModelTrainResponse extends ActionResponse {

    private final long version;

    ModelTrainResponse(long version) {
        this.version = version;
    }

    public ModelTrainResponse(StreamInput in) throws IOException {
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
