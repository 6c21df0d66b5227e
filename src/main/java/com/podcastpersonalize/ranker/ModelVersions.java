package com.podcastpersonalize.ranker;

import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.action.get.GetRequest;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.transport.client.Client;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The trained versions of one {@link TrainingKind} in the ranker index: stores a new version and makes it
 * the active one, and hands the active model to searches on any node.
 *
 * <p>Activation is two writes: the model document, refreshed, then the {@code active} pointer,
 * refreshed. A reader that sees the new pointer therefore always finds the whole model; a training
 * that fails or is cancelled never writes the pointer, so the previous version stays in use.
 *
 * <p>Each node keeps the parsed active model. {@link #loadActive} serves it from memory for
 * {@code plugins.podcast.ranker.model_check_interval} (1 s by default), then asks the index which
 * version is active (one GET of the pointer, {@code realtime=false}) and reads the model document only
 * when that version changed. Why not a GET per search: the pointer lives on one shard, often on another
 * node, so a GET per search would add a network round trip to every learned search; one check a second
 * per node costs nothing and a new version reaches every node within that second.
 */
public class ModelVersions<M> {

    /** The active model as a node last saw it, and when it last checked. */
    private record Cached<M>(Optional<M> model, long version, long checkedAtNanos) {}

    private static final long NO_VERSION = -1;

    private final Client client;
    private final ClusterService clusterService;
    private final RankerIndex index;
    private final TrainingKind kind;
    private final Function<Map<String, Object>, M> parser;
    private final LongSupplier nanoClock;
    private volatile Cached<M> cached;

    /** {@code parser}: the model of a stored version's document (its source). */
    protected ModelVersions(
        Client client,
        ClusterService clusterService,
        RankerIndex index,
        TrainingKind kind,
        Function<Map<String, Object>, M> parser,
        LongSupplier nanoClock
    ) {
        this.client = client;
        this.clusterService = clusterService;
        this.index = index;
        this.kind = kind;
        this.parser = parser;
        this.nanoClock = nanoClock;
    }

    public TrainingKind kind() {
        return kind;
    }

    /**
     * The model searches should use, for the query rewrite on the coordinating node.
     *
     * <p>Answers {@code Optional.empty()} when no model was ever activated (use the hand-set blend). Most
     * calls answer at once from this node's cache, without any I/O; at most once per check interval a call
     * reads the {@code active} pointer (and, after a new training, the new model) asynchronously and
     * answers on the thread that received the response. It fails only when the index exists but cannot be
     * read and this node has never loaded a model; once a model was loaded, a failed check serves it (a
     * search is better served by the previous model than failed). The returned model is immutable and
     * shared.
     */
    public void loadActive(ActionListener<Optional<M>> listener) {
        Cached<M> current = cached;
        long now = nanoClock.getAsLong();
        long interval = clusterService.getClusterSettings().get(PodcastSettings.RANKER_MODEL_CHECK_INTERVAL).nanos();
        if (current != null && now - current.checkedAtNanos() < interval) {
            listener.onResponse(current.model());
            return;
        }
        if (!index.exists()) {
            remember(new Cached<>(Optional.empty(), NO_VERSION, now), listener);
            return;
        }
        String name = index.name();
        client.get(new GetRequest(name, kind.activeId()).realtime(false), ActionListener.wrap(pointer -> {
            if (!pointer.isExists()) {
                remember(new Cached<>(Optional.empty(), NO_VERSION, now), listener);
                return;
            }
            long version = ((Number) pointer.getSourceAsMap().get(RankerIndex.VERSION)).longValue();
            if (current != null && current.version() == version) {
                remember(new Cached<>(current.model(), version, now), listener);
                return;
            }
            client.get(new GetRequest(name, kind.documentId(version)).realtime(false), ActionListener.wrap(document -> {
                if (!document.isExists()) {
                    failOrServeCached(current, new IllegalStateException("the active " + kind.name() + " version [" + version + "] has no model document in [" + name + "]"), listener);
                    return;
                }
                M model = parser.apply(document.getSourceAsMap());
                remember(new Cached<>(Optional.of(model), version, now), listener);
            }, e -> failOrServeCached(current, e, listener)));
        }, e -> {
            if (e instanceof IndexNotFoundException) {
                remember(new Cached<>(Optional.empty(), NO_VERSION, now), listener); // deleted since the state was read
            } else {
                failOrServeCached(current, e, listener);
            }
        }));
    }

    private void remember(Cached<M> fresh, ActionListener<Optional<M>> listener) {
        cached = fresh;
        listener.onResponse(fresh.model());
    }

    private static <M> void failOrServeCached(Cached<M> current, Exception e, ActionListener<Optional<M>> listener) {
        if (current != null && current.model().isPresent()) {
            listener.onResponse(current.model());
        } else {
            listener.onFailure(e);
        }
    }

    /** The version this node's searches use (as {@link #loadActive} answers), empty before the first. */
    public void servedVersion(ActionListener<Optional<Long>> listener) {
        loadActive(ActionListener.wrap(model -> {
            Cached<M> current = cached;
            listener.onResponse(model.isEmpty() || current == null || current.version() == NO_VERSION ? Optional.empty() : Optional.of(current.version()));
        }, listener::onFailure));
    }

    /**
     * Stores {@code source} as the document of {@code version} and then points the active pointer at it.
     * {@code source}: a document the strict mapping of {@link RankerIndex} takes, the model itself under {@link RankerIndex#MODEL}.
     */
    public void storeAndActivate(long version, XContentBuilder source, ActionListener<Void> listener) {
        index.ensure(ActionListener.wrap(name -> {
            IndexRequest document;
            IndexRequest pointer;
            try {
                document = new IndexRequest(name).id(kind.documentId(version))
                    .create(true)
                    .source(source)
                    .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
                pointer = new IndexRequest(name).id(kind.activeId())
                    .source(JsonXContent.contentBuilder().startObject()
                        .field(RankerIndex.KIND, kind.activeId())
                        .field(RankerIndex.VERSION, version)
                        .field(RankerIndex.ACTIVATED_AT, Instant.now().toString())
                        .endObject())
                    .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
            } catch (IOException e) {
                listener.onFailure(e);
                return;
            }
            client.index(document, ActionListener.wrap(
                stored -> client.index(pointer, ActionListener.wrap(activated -> listener.onResponse(null), listener::onFailure)),
                listener::onFailure
            ));
        }, listener::onFailure));
    }

    /** The active version's document as the status API shows it (no weights), read in real time; empty before any. */
    public void describeActive(ActionListener<Optional<Map<String, Object>>> listener) {
        if (!index.exists()) {
            listener.onResponse(Optional.empty());
            return;
        }
        String name = index.name();
        client.get(new GetRequest(name, kind.activeId()), ActionListener.wrap(pointer -> {
            if (!pointer.isExists()) {
                listener.onResponse(Optional.empty());
                return;
            }
            long version = ((Number) pointer.getSourceAsMap().get(RankerIndex.VERSION)).longValue();
            client.get(new GetRequest(name, kind.documentId(version)), ActionListener.wrap(
                document -> listener.onResponse(document.isExists()
                    ? Optional.of(describe(XContentHelper.convertToMap(document.getSourceAsBytesRef(), true, MediaTypeRegistry.JSON).v2()))
                    : Optional.empty()),
                listener::onFailure
            ));
        }, e -> {
            if (e instanceof IndexNotFoundException) {
                listener.onResponse(Optional.empty());
            } else {
                listener.onFailure(e);
            }
        }));
    }

    /** What the status API shows of a stored version: everything but the model and the document kind. */
    static Map<String, Object> describe(Map<String, Object> source) {
        Map<String, Object> described = new java.util.LinkedHashMap<>(source);
        described.remove(RankerIndex.MODEL);
        described.remove(RankerIndex.KIND);
        return described;
    }
}
