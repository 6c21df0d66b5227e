package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.ModelTrainingService;
import com.podcastpersonalize.ranker.RankerIndex;

import org.opensearch.cluster.service.ClusterService;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

/** Starts, runs, reports and cancels sequence model trainings on this node (see {@link ModelTrainingService}). */
public final class SequenceTrainingService extends ModelTrainingService<SequenceTrainingParameters, NextInterestModel> {

    public SequenceTrainingService(Client client, ClusterService clusterService, ThreadPool threadPool, String trainingPool, RankerIndex index, SequenceModelStore models) {
        super(client, clusterService, threadPool, trainingPool, index, models, context -> new SequenceTrainingJob(context, models), SequenceTrainAction.INSTANCE);
    }
}
