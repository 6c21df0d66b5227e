package com.podcastpersonalize.ranker;

import org.opensearch.action.ActionType;

/**
 * One ranker training as a task of the node that runs it ({@link ModelTrainRequest}): listed by
 * {@code GET _tasks?actions=*podcast/ranker*} and cancellable with {@code POST _tasks/<task id>/_cancel}.
 */
public final class RankerTrainAction extends ActionType<ModelTrainResponse> {

    public static final String NAME = "cluster:admin/podcast/ranker/train";
    public static final RankerTrainAction INSTANCE = new RankerTrainAction();

    private RankerTrainAction() {
        super(NAME, ModelTrainResponse::new);
    }
}
