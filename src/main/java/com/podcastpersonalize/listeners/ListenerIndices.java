package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventDocument;
import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.indices.ManagedIndexCreator;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The names of the indices listener data lives in (from the dynamic settings), and their creation
 * with explicit mappings on first use, so that neither is ever created with guessed mappings.
 */
public final class ListenerIndices {

    /**
     * What the events index sets beyond shards and replicas. Every event is created with its id (so that
     * a retried request is a duplicate, not a second count), and nearly every id is new: a Bloom filter on
     * {@code _id} answers "not there" without searching each segment's terms dictionary, where these
     * look-ups otherwise cost about a sixth of the node's time under a stream of events
     * (docs/benchmarks/listener-events.md).
     */
    public static final Settings EVENTS_INDEX_SETTINGS = Settings.builder()
        .put("index.optimize_doc_id_lookup.fuzzy_set.enabled", true)
        .build();

    private final ClusterService clusterService;
    private final ManagedIndexCreator creator;

    public ListenerIndices(Client client, ClusterService clusterService) {
        this.clusterService = clusterService;
        this.creator = new ManagedIndexCreator(client, clusterService);
    }

    public String events() {
        return settings().get(PodcastSettings.LISTENERS_EVENTS_INDEX);
    }

    public String profiles() {
        return settings().get(PodcastSettings.LISTENERS_PROFILES_INDEX);
    }

    public String episodes() {
        return settings().get(PodcastSettings.EPISODES_INDEX);
    }

    public ClusterSettings settings() {
        return clusterService.getClusterSettings();
    }

    /** Whether the index (or an alias of that name) exists in the cluster state this node has. */
    public boolean exists(String index) {
        return creator.exists(index);
    }

    /** Creates the events and profiles indices when missing; completes once both exist. */
    public void ensure(ActionListener<Void> listener) {
        String events = events();
        String profiles = profiles();
        Settings settings = Settings.builder()
            .put("index.number_of_shards", settings().get(PodcastSettings.LISTENERS_INDEX_SHARDS))
            .put("index.auto_expand_replicas", settings().get(PodcastSettings.LISTENERS_INDEX_AUTO_EXPAND_REPLICAS))
            .build();
        creator.ensure(events, Settings.builder().put(settings).put(EVENTS_INDEX_SETTINGS).build(), eventsMapping(), ActionListener.wrap(
            ignored -> creator.ensure(profiles, settings, profilesMapping(), listener),
            listener::onFailure
        ));
    }

    public static XContentBuilder eventsMapping() {
        try {
            XContentBuilder b = JsonXContent.contentBuilder().startObject().field("dynamic", "strict").startObject("properties");
            b.startObject(EventDocument.TIMESTAMP).field("type", "date").endObject();
            for (String keyword : new String[] { EventDocument.EVENT_ID, EventDocument.LISTENER_ID, EventDocument.EPISODE_ID, EventDocument.TYPE, EventDocument.SHOW, EventDocument.TOPICS }) {
                b.startObject(keyword).field("type", "keyword").endObject();
            }
            for (String number : new String[] { EventDocument.POSITION_S, EventDocument.DURATION_S, EventDocument.FRACTION }) {
                b.startObject(number).field("type", "float").endObject();
            }
            b.startObject(EventDocument.QUERY).field("type", "text")
                .startObject("fields").startObject("keyword").field("type", "keyword").field("ignore_above", 256).endObject().endObject()
                .endObject();
            b.startObject(EventDocument.QUERY_VECTOR).field("type", "binary").endObject();
            b.startObject(EventDocument.RECEIVED_AT).field("type", "date").endObject();
            return b.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static XContentBuilder profilesMapping() {
        try {
            XContentBuilder b = JsonXContent.contentBuilder().startObject().field("dynamic", "strict").startObject("properties");
            for (String keyword : new String[] { ProfileCodec.LISTENER_ID, ProfileCodec.TOP_TOPICS, ProfileCodec.SUBSCRIBED_SHOWS, ProfileCodec.DECLARED_TOPICS }) {
                b.startObject(keyword).field("type", "keyword").endObject();
            }
            b.startObject(ProfileCodec.UPDATED_AT).field("type", "date").endObject();
            b.startObject(ProfileCodec.LAST_EVENT_AT).field("type", "date").endObject();
            b.startObject(ProfileCodec.COUNTS).startObject("properties");
            for (EventType type : EventType.values()) {
                b.startObject(type.label()).field("type", "long").endObject();
            }
            b.endObject().endObject();
            b.startObject(ProfileCodec.STATE).field("type", "binary").endObject(); // neither indexed nor doc values: read back from _source only
            return b.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
