package com.podcastpersonalize.ranker;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.tasks.CancellableTask;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Runs a training under its task (see {@link ModelTrainRequest}); a subclass per kind, for injection. */
public abstract class TransportModelTrainAction<P extends Writeable & ToXContentObject> extends HandledTransportAction<ModelTrainRequest<P>, ModelTrainResponse> {

    private final ModelTrainingService<P, ?> service;

    protected TransportModelTrainAction(
        String actionName,
        TransportService transportService,
        ActionFilters actionFilters,
        Writeable.Reader<P> parametersReader,
        ModelTrainingService<P, ?> service
    ) {
        super(actionName, transportService, actionFilters, in -> new ModelTrainRequest<>(in, parametersReader));
        this.service = service;
    }

    @Override
    protected void doExecute(Task task, ModelTrainRequest<P> request, ActionListener<ModelTrainResponse> listener) {
        service.execute((CancellableTask) task, request, ActionListener.wrap(version -> listener.onResponse(new ModelTrainResponse(version)), listener::onFailure));
    }
}
