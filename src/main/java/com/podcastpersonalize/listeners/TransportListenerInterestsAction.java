package com.podcastpersonalize.listeners;

import com.podcastpersonalize.query.ListenerInterestsAction;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.action.support.HandledTransportAction;
import org.opensearch.common.inject.Inject;
import org.opensearch.core.action.ActionListener;
import org.opensearch.tasks.Task;
import org.opensearch.transport.TransportService;

/** Answers {@link ListenerInterestsAction} from the stored profiles. */
public final class TransportListenerInterestsAction extends HandledTransportAction<ListenerInterestsAction.Request, ListenerInterestsAction.Response> {

    private final ProfileInterestsSource interests;

    @Inject
    public TransportListenerInterestsAction(TransportService transportService, ActionFilters actionFilters, ProfileInterestsSource interests) {
        super(ListenerInterestsAction.NAME, transportService, actionFilters, ListenerInterestsAction.Request::new);
        this.interests = interests;
    }

    @Override
    protected void doExecute(Task task, ListenerInterestsAction.Request request, ActionListener<ListenerInterestsAction.Response> listener) {
        interests.load(request.listenerId(), request.collaborative(), request.sequence(), ActionListener.wrap(loaded -> listener.onResponse(new ListenerInterestsAction.Response(loaded)), listener::onFailure));
    }
}
