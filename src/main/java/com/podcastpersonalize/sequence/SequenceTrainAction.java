package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.ModelTrainResponse;

import org.opensearch.action.ActionType;

/**
 * One sequence model training as a task of the node that runs it: listed by
 * {@code GET _tasks?actions=*podcast/sequence*} and cancellable with {@code POST _tasks/<task id>/_cancel}.
 */
public final class SequenceTrainAction extends ActionType<ModelTrainResponse> {

    public static final String NAME = "cluster:admin/podcast/sequence/train";
    public static final SequenceTrainAction INSTANCE = new SequenceTrainAction();

    private SequenceTrainAction() {
        super(NAME, ModelTrainResponse::new);
    }
}
