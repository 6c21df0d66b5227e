package com.podcastpersonalize.query;

import com.podcastpersonalize.model.InputType;
import com.podcastpersonalize.model.TextEmbeddingService;

import org.apache.lucene.util.SetOnce;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryRewriteContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the {@code personalize} query and rescorer need during rewrite on the coordinating node:
 * the text model (to embed query text) and the listeners' interests. Query builders are created by
 * the parser, not by the plugin, so these are set once per JVM when the node starts (as k-NN and
 * neural-search do for their clients).
 */
public final class PersonalizeRewrite {

    public static final String STRATEGY_HEADER = "X-Podcast-Personalize-Strategy";

    private static final SetOnce<TextEmbeddingService> TEXT_EMBEDDINGS = new SetOnce<>();
    private static final SetOnce<ListenerInterestsSource> INTERESTS = new SetOnce<>();
    private static final SetOnce<ThreadContext> THREAD_CONTEXT = new SetOnce<>();

    private PersonalizeRewrite() {}

    public static synchronized void initialize(TextEmbeddingService textEmbeddings, ListenerInterestsSource interests, ThreadContext threadContext) {
        if (TEXT_EMBEDDINGS.get() == null) { // in-JVM test clusters start several nodes in one JVM
            TEXT_EMBEDDINGS.set(textEmbeddings);
            INTERESTS.set(interests);
            THREAD_CONTEXT.set(threadContext);
        }
    }

    /** Registers the embedding of {@code text} as a query; the supplier gives the vector once the action completed. */
    public static Supplier<float[]> embedQueryText(QueryRewriteContext context, String text) {
        SetOnce<float[]> vector = new SetOnce<>();
        context.registerAsyncAction((client, listener) -> TEXT_EMBEDDINGS.get().embed(null, List.of(text), InputType.QUERY, ActionListener.wrap(embeddings -> {
            vector.set(embeddings.vectors()[0]);
            listener.onResponse(null);
        }, listener::onFailure)));
        return vector::get;
    }

    /**
     * Registers the loading of a listener's interests; the supplier gives them once the action
     * completed. The strategy used is added to the response headers.
     */
    public static Supplier<ListenerInterests> loadInterests(QueryRewriteContext context, String listenerId) {
        SetOnce<ListenerInterests> loaded = new SetOnce<>();
        context.registerAsyncAction((client, listener) -> INTERESTS.get().load(listenerId, ActionListener.wrap(result -> {
            loaded.set(result);
            if (THREAD_CONTEXT.get() != null) {
                THREAD_CONTEXT.get().addResponseHeader(STRATEGY_HEADER, result.strategy().label());
            }
            listener.onResponse(null);
        }, listener::onFailure)));
        return loaded::get;
    }
}
