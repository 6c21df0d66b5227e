package com.podcastpersonalize.ranker;

import com.podcastpersonalize.query.ActiveRankerAction;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Answers {@link ActiveRankerAction} from the stored models (cached per node by version, see {@link RankerModelStore}). */
public final class TransportActiveRankerAction extends HandledTransportAction<ActiveRankerAction.Request, ActiveRankerAction.Response> {

    private final RankerModelStore models;

    @Inject
    public TransportActiveRankerAction(TransportService transportService, ActionFilters actionFilters, RankerModelStore models) {
        super(ActiveRankerAction.NAME, transportService, actionFilters, ActiveRankerAction.Request::new);
        this.models = models;
    }

    @Override
    protected void doExecute(Task task, ActiveRankerAction.Request request, ActionListener<ActiveRankerAction.Response> listener) {
        models.loadActive(ActionListener.wrap(model -> listener.onResponse(new ActiveRankerAction.Response(model.orElse(null))), listener::onFailure));
    }
}
