package com.podcastpersonalize.ranker;

import org.opensearch.cluster.service.ClusterService;
import org.opensearch.core.action.ActionListener;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.util.function.LongSupplier;

/** The trained ranker versions (see {@link ModelVersions}): the ranker's documents are {@link RankerModelDocument}s. */
public final class RankerModelStore extends ModelVersions<RankerModel> {

    public RankerModelStore(Client client, ClusterService clusterService, RankerIndex index, LongSupplier nanoClock) {
        super(client, clusterService, index, TrainingKind.RANKER, RankerModelDocument::model, nanoClock);
    }

    /** Stores {@code model} as version {@link RankerModel#version()} and then points {@code active} at it. */
    void storeAndActivate(RankerModel model, TrainingFigures figures, RankerTrainingParameters parameters, ActionListener<Void> listener) {
        try {
            storeAndActivate(model.version(), RankerModelDocument.source(model, figures, parameters), listener);
        } catch (IOException e) {
            listener.onFailure(e);
        }
    }
}
