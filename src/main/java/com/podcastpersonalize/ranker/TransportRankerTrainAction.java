package com.podcastpersonalize.ranker;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.common.inject.Inject;
import org.opensearch.transport.TransportService;

/** Runs a ranker training under its task (see {@link RankerTrainAction}). */
public final class TransportRankerTrainAction extends TransportModelTrainAction<RankerTrainingParameters> {

    @Inject
    public TransportRankerTrainAction(TransportService transportService, ActionFilters actionFilters, RankerTrainingService service) {
        super(RankerTrainAction.NAME, transportService, actionFilters, RankerTrainingParameters::new, service);
    }
}
