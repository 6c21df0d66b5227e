package com.podcastpersonalize.ranker;

/**
 * Which kind of model a training produces, for the infrastructure every trained model shares (status
 * document, versioned storage, lock, task, REST answers): all kinds live in the ranker index, told
 * apart by their document ids.
 *
 * @param name          in messages: "ranker", "sequence model"
 * @param path          the REST path of its status API; {@code _train} and {@code _cancel} are below it
 * @param activeId      the id of the document pointing at the active version
 * @param trainingId    the id of the status document of its running or last training (also its lock)
 * @param versionPrefix put before a version to make its document id
 */
public record TrainingKind(String name, String path, String activeId, String trainingId, String versionPrefix) {

    public static final TrainingKind RANKER = new TrainingKind("ranker", "/_plugins/podcast/ranker", RankerIndex.ACTIVE_ID, RankerIndex.TRAINING_ID, "");

    /** The id of the document holding {@code version}. */
    public String documentId(long version) {
        return versionPrefix + version;
    }
}
