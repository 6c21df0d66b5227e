package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.TransportModelTrainAction;

import org.opensearch.action.support.ActionFilters;
import org.opensearch.common.inject.Inject;
import org.opensearch.transport.TransportService;

/** Runs a sequence model training under its task (see {@link SequenceTrainAction}). */
public final class TransportSequenceTrainAction extends TransportModelTrainAction<SequenceTrainingParameters> {

    @Inject
    public TransportSequenceTrainAction(TransportService transportService, ActionFilters actionFilters, SequenceTrainingService service) {
        super(SequenceTrainAction.NAME, transportService, actionFilters, SequenceTrainingParameters::new, service);
    }
}
