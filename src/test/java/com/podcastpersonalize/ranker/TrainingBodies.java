package com.podcastpersonalize.ranker;

import com.podcastpersonalize.rest.RestModelTrainingAction;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;

/** A training request's body read as the REST handler reads it, for the parameters' tests. */
public final class TrainingBodies {

    private TrainingBodies() {}

    public static <P> P parse(String json, RestModelTrainingAction.ParametersParser<P> reader) throws IOException {
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            return reader.parse(parser);
        }
    }
}
