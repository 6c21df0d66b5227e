package com.podcastpersonalize.it.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one recommender for every case and scores its lists. Requests go out from
 * {@value #THREADS} client threads (the node has 2 cores); the first failure stops the run.
 */
public final class SystemEvaluator {

    static final int THREADS = 2;

    private final Map<String, float[]> vectors;
    private final int catalogueSize;

    public SystemEvaluator(Map<String, float[]> vectors, int catalogueSize) {
        this.vectors = vectors;
        this.catalogueSize = catalogueSize;
    }

    public SystemResult evaluate(Recommender recommender, List<EvaluationCase> cases) throws IOException {
        SystemScores scores = new SystemScores(vectors, cases.size());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    EvaluationCase c = cases.get(index);
                    long begin = System.nanoTime();
                    List<String> ranked;
                    try {
                        ranked = recommender.recommend(c.query());
                    } catch (IOException e) {
                        throw new UncheckedIOException(recommender.name() + " failed for listener " + c.query().nodeListenerId() + ": " + e.getMessage(), e);
                    }
                    scores.add(index, ranked, c.relevant(), c.seen(), System.nanoTime() - begin);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? new IOException(io.getMessage(), io.getCause()) : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        SystemResult result = scores.result(recommender.name(), recommender.kind(), recommender.parameters(), catalogueSize);
        Progress.log(String.format(Locale.ROOT, "  %-40s NDCG@10 %.4f  recall %.4f  MRR %.4f  coverage %.4f  diversity %.3f  (%d listeners, %.0f s)",
            result.system(), result.ndcg(), result.recall(), result.mrr(), result.coverage(), result.diversity(), result.listeners(),
            (System.nanoTime() - start) / 1e9));
        if (result.seenRecommended() > 0) {
            Progress.log("  WARNING: " + result.system() + " recommended " + result.seenRecommended() + " training items again");
        }
        return result;
    }
}
