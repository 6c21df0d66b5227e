package com.podcastpersonalize.ranker;

import com.podcastpersonalize.indices.ManagedIndexCreator;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The ranker index (setting {@code plugins.podcast.ranker.index}): one document per trained version
 * ({@code _id} = version), the {@code active} pointer naming the version in use, and the
 * {@code training} status of the last training. Created by the plugin with a strict mapping; the model
 * itself sits in an {@code enabled: false} object (stored, never indexed).
 */
public final class RankerIndex {

    public static final String ACTIVE_ID = "active";
    public static final String TRAINING_ID = "training";

    public static final String KIND = "kind";
    public static final String VERSION = "version";
    public static final String MODEL = "model";
    public static final String TRAINED_AT = "trained_at";
    public static final String TYPE = "type";
    static final String METRICS = "metrics";
    static final String FEATURE_WEIGHTS = "feature_weights";
    public static final String FIGURES = "figures";
    public static final String PARAMETERS = "parameters";
    static final String ACTIVATED_AT = "activated_at";

    private final ClusterService clusterService;
    private final ManagedIndexCreator creator;

    public RankerIndex(Client client, ClusterService clusterService) {
        this.clusterService = clusterService;
        this.creator = new ManagedIndexCreator(client, clusterService);
    }

    public String name() {
        return clusterService.getClusterSettings().get(PodcastSettings.RANKER_INDEX);
    }

    public boolean exists() {
        return creator.exists(name());
    }

    /** Creates the index when missing (a concurrent creation counts as success); completes once its primary is active. */
    public void ensure(ActionListener<String> listener) {
        String index = name();
        Settings settings = Settings.builder()
            .put(IndexMetadata.SETTING_NUMBER_OF_SHARDS, 1)
            .put(IndexMetadata.SETTING_AUTO_EXPAND_REPLICAS, clusterService.getClusterSettings().get(PodcastSettings.LISTENERS_INDEX_AUTO_EXPAND_REPLICAS))
            .build();
        creator.ensure(index, settings, mapping(), ActionListener.wrap(ready -> listener.onResponse(index), listener::onFailure));
    }

    /** Strict: every field a model, pointer or status document has; the model and other nested details are not indexed. */
    static XContentBuilder mapping() {
        try {
            XContentBuilder b = JsonXContent.contentBuilder().startObject().field("dynamic", "strict").startObject("properties");
            keyword(b, KIND);
            b.startObject(VERSION).field("type", "long").endObject();
            // model documents
            date(b, TRAINED_AT);
            keyword(b, TYPE);
            b.startObject(METRICS).startObject("properties");
            for (String metric : new String[] { "auc", "log_loss", "base_rate_log_loss", "ndcg_at_10" }) {
                b.startObject(metric).field("type", "double").endObject();
            }
            for (String count : new String[] { "rows", "positives", "ranked_groups" }) {
                b.startObject(count).field("type", "integer").endObject();
            }
            b.endObject().endObject();
            for (String opaque : new String[] { FEATURE_WEIGHTS, FIGURES, PARAMETERS, MODEL, "progress" }) {
                b.startObject(opaque).field("type", "object").field("enabled", false).endObject();
            }
            // the active pointer
            date(b, ACTIVATED_AT);
            // the training status (TrainingStatus#toXContent)
            for (String keyword : new String[] { "state", "task_id", "node" }) {
                keyword(b, keyword);
            }
            for (String date : new String[] { "started_at", "updated_at", "finished_at" }) {
                date(b, date);
            }
            b.startObject("error").field("type", "text").field("index", false).endObject();
            return b.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keyword(XContentBuilder b, String field) throws IOException {
        b.startObject(field).field("type", "keyword").endObject();
    }

    private static void date(XContentBuilder b, String field) throws IOException {
        b.startObject(field).field("type", "date").endObject();
    }
}
