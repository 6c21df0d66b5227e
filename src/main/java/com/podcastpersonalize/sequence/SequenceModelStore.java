package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.ModelVersions;
import com.podcastpersonalize.ranker.RankerIndex;
import com.podcastpersonalize.ranker.TrainingKind;

import org.opensearch.cluster.service.ClusterService;
import org.opensearch.transport.client.Client;

import java.util.function.LongSupplier;

/**
 * The trained sequence model versions (see {@link ModelVersions}), in the ranker index beside the
 * ranker's: documents {@code sequence-<version>}, pointer {@code sequence_active}, status {@code sequence_training}.
 * Each node keeps the active one parsed and checks for a new one at most once per
 * {@code plugins.podcast.ranker.model_check_interval}.
 */
public final class SequenceModelStore extends ModelVersions<NextInterestModel> {

    public static final TrainingKind KIND = new TrainingKind("sequence model", "/_plugins/podcast/sequence", "sequence_active", "sequence_training", "sequence-");

    public SequenceModelStore(Client client, ClusterService clusterService, RankerIndex index, LongSupplier nanoClock) {
        super(client, clusterService, index, KIND, SequenceModelDocument::model, nanoClock);
    }
}
