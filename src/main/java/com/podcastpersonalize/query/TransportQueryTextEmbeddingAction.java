package com.podcastpersonalize.query;

import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.TextEmbeddingService;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

import java.util.List;

/** Runs {@link QueryTextEmbeddingAction} with this node's text model, on its inference pool. */
public final class TransportQueryTextEmbeddingAction extends HandledTransportAction<QueryTextEmbeddingAction.Request, QueryTextEmbeddingAction.Response> {

    private final TextEmbeddingService embeddings;

    @Inject
    public TransportQueryTextEmbeddingAction(TransportService transportService, ActionFilters actionFilters, TextEmbeddingService embeddings) {
        super(QueryTextEmbeddingAction.NAME, transportService, actionFilters, QueryTextEmbeddingAction.Request::new);
        this.embeddings = embeddings;
    }

    @Override
    protected void doExecute(Task task, QueryTextEmbeddingAction.Request request, ActionListener<QueryTextEmbeddingAction.Response> listener) {
        embeddings.embed(
            null,
            List.of(request.text()),
            InputType.QUERY,
            ActionListener.wrap(result -> listener.onResponse(new QueryTextEmbeddingAction.Response(result.vectors()[0])), listener::onFailure)
        );
    }
}
