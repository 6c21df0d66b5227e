package com.podcastpersonalize.query;

import com.podcastpersonalize.ranker.RankerModel;

import org.apache.lucene.util.SetOnce;
import org.opensearch.action.support.ContextPreservingActionListener;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryRewriteContext;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The asynchronous work of the {@code personalize} query and rescorer during rewrite on the
 * coordinating node: embedding the query text and loading the listener's interests. Both go
 * through that node's client as internal actions ({@link QueryTextEmbeddingAction},
 * {@link ListenerInterestsAction}), so they run on that node's own services and pools, and the
 * strategy and embedding-time headers land in that request's response. Nothing is held in static state.
 */
public final class PersonalizeRewrite {

    public static final String STRATEGY_HEADER = "X-Podcast-Personalize-Strategy";
    /** Milliseconds from the start of the rewrite until the query text's vector was there. */
    public static final String EMBEDDING_HEADER = "X-Podcast-Query-Embedding-Ms";
    /**
     * Milliseconds the search waited for the query text's vector alone: after everything else the
     * rewrite fetched (the listener's profile, the ranker). The search would have been this much
     * faster with the vector given.
     */
    public static final String EMBEDDING_WAIT_HEADER = "X-Podcast-Query-Embedding-Wait-Ms";

    private PersonalizeRewrite() {}

    /**
     * Registers the embedding of {@code text} as a query; the supplier gives the vector once the
     * action completed, and adds how long it took to the response headers ({@link #EMBEDDING_HEADER},
     * {@link #EMBEDDING_WAIT_HEADER}; on the thread that carries the search on, as the strategy).
     */
    static Supplier<float[]> embedQueryText(QueryRewriteContext context, String text, RewriteTimes times) {
        SetOnce<float[]> vector = new SetOnce<>();
        SetOnce<ThreadContext> requestContext = new SetOnce<>();
        AtomicBoolean reported = new AtomicBoolean();
        context.registerAsyncAction((client, listener) -> {
            requestContext.set(client.threadPool().getThreadContext());
            client.execute(
                QueryTextEmbeddingAction.INSTANCE,
                new QueryTextEmbeddingAction.Request(text),
                ActionListener.wrap(response -> {
                    times.embedded();
                    vector.set(response.vector());
                    listener.onResponse(null);
                }, listener::onFailure)
            );
        });
        return () -> {
            float[] resolved = vector.get();
            if (resolved != null && requestContext.get() != null && reported.compareAndSet(false, true)) {
                requestContext.get().addResponseHeader(EMBEDDING_HEADER, millis(times.embeddingNanos()));
                requestContext.get().addResponseHeader(EMBEDDING_WAIT_HEADER, millis(times.embeddingWaitNanos()));
            }
            return resolved;
        };
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /**
     * Registers the loading of a listener's interests; the supplier gives them once the action
     * completed, and adds the strategy used to the response headers of the search: it is called on
     * the thread that carries the search on after all rewrite actions completed (the header must be
     * set there, not in one action's callback, whose context the search may not continue in).
     * With {@code collaborative}, the interests also carry the listener's co-listening candidates; with
     * {@code sequence} above 0, the sequence model's predicted interest at that strength (none at 0).
     */
    public static Supplier<ListenerInterests> loadInterests(QueryRewriteContext context, String listenerId, boolean collaborative, float sequence) {
        return loadInterests(context, listenerId, collaborative, sequence, new RewriteTimes());
    }

    /**
     * As {@link #loadInterests(QueryRewriteContext, String, boolean, float)}, noting when the interests came in
     * {@code times}.
     */
    static Supplier<ListenerInterests> loadInterests(QueryRewriteContext context, String listenerId, boolean collaborative, float sequence, RewriteTimes times) {
        SetOnce<ListenerInterests> loaded = new SetOnce<>();
        SetOnce<ThreadContext> requestContext = new SetOnce<>();
        context.registerAsyncAction((client, listener) -> {
            ThreadContext threadContext = client.threadPool().getThreadContext();
            requestContext.set(threadContext);
            // the profile is read in a stashed (system) context: answer in the request's own context
            ActionListener<ListenerInterestsAction.Response> inRequestContext = new ContextPreservingActionListener<>(
                threadContext.newRestorableContext(false),
                ActionListener.wrap(response -> {
                    times.otherDone();
                    loaded.set(response.interests());
                    listener.onResponse(null);
                }, listener::onFailure)
            );
            client.execute(ListenerInterestsAction.INSTANCE, new ListenerInterestsAction.Request(listenerId, collaborative, sequence), inRequestContext);
        });
        return () -> {
            ListenerInterests interests = loaded.get();
            if (interests != null && requestContext.get() != null) {
                requestContext.get().addResponseHeader(STRATEGY_HEADER, interests.strategy().label());
            }
            return interests;
        };
    }

    /**
     * Registers the loading of the learned ranker in use; the supplier gives it once the action
     * completed. No model trained yet fails the search with a 400 that says how to train one.
     */
    static Supplier<RankerModel> loadRanker(QueryRewriteContext context, RewriteTimes times) {
        SetOnce<RankerModel> loaded = new SetOnce<>();
        context.registerAsyncAction((client, listener) -> client.execute(
            ActiveRankerAction.INSTANCE,
            new ActiveRankerAction.Request(),
            ActionListener.wrap(response -> {
                times.otherDone();
                if (response.model() == null) {
                    listener.onFailure(new IllegalArgumentException(
                        "[personalize] [ranker] [learned]: no learned ranker is trained yet; train one with POST /_plugins/podcast/ranker/_train, or use [blend]"
                    ));
                    return;
                }
                if (!response.model().featureNames().equals(PersonalFeatures.NAMES)) {
                    listener.onFailure(new IllegalArgumentException(
                        "[personalize] [ranker] [learned]: the model in use scores " + response.model().featureNames()
                            + " but this version of the plugin computes " + PersonalFeatures.NAMES + "; retrain it"
                    ));
                    return;
                }
                loaded.set(response.model());
                listener.onResponse(null);
            }, listener::onFailure)
        ));
        return loaded::get;
    }
}
