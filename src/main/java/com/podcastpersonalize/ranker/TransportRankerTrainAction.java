package com.podcastpersonalize.ranker;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.CancellableTask;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Runs a ranker training under its task (see {@link RankerTrainAction}). */
public final class TransportRankerTrainAction extends HandledTransportAction<RankerTrainAction.Request, RankerTrainAction.Response> {

    private final RankerTrainingService service;

    @Inject
    public TransportRankerTrainAction(TransportService transportService, ActionFilters actionFilters, RankerTrainingService service) {
        super(RankerTrainAction.NAME, transportService, actionFilters, RankerTrainAction.Request::new);
        this.service = service;
    }

    @Override
    protected void doExecute(Task task, RankerTrainAction.Request request, ActionListener<RankerTrainAction.Response> listener) {
        service.execute((CancellableTask) task, request, ActionListener.wrap(version -> listener.onResponse(new RankerTrainAction.Response(version)), listener::onFailure));
    }
}
