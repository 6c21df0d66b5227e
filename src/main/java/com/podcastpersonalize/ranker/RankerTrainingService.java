package com.podcastpersonalize.ranker;

import org.opensearch.cluster.service.ClusterService;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

/** Starts, runs, reports and cancels ranker trainings on this node (see {@link ModelTrainingService}). */
public final class RankerTrainingService extends ModelTrainingService<RankerTrainingParameters, RankerModel> {

    public RankerTrainingService(Client client, ClusterService clusterService, ThreadPool threadPool, String trainingPool, RankerIndex index, RankerModelStore models) {
        super(client, clusterService, threadPool, trainingPool, index, models, context -> new RankerTrainingJob(context, models), RankerTrainAction.INSTANCE);
    }
}
