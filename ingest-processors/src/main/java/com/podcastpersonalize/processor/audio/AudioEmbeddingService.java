package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.AudioDecodeException;
import com.podcastpersonalize.processor.audio.decode.DecodeLimits;
import com.podcastpersonalize.processor.audio.source.AudioSourceResolver;
import com.podcastpersonalize.settings.PodcastSettings;

import org.opensearch.OpenSearchTimeoutException;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;
import org.opensearch.secure_sm.AccessController;
import org.opensearch.threadpool.ThreadPool;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs audio analysis for the {@code podcast_audio_embedding} processor on the plugin's own audio
 * thread pool: resolves the source under the access policy, decodes and analyses it within the
 * size, duration and time limits. A full queue fails with a rejection (HTTP 429); bad audio fails
 * with a 400 naming the problem; an analysis that overruns {@code plugins.podcast.audio.timeout}
 * fails the document at the deadline.
 */
public final class AudioEmbeddingService implements java.io.Closeable {

    /** Per-processor analysis options; null fields fall back to the cluster settings. */
    public record Options(Boolean fullPass, Integer windows, Double windowSeconds) {}

    private final ThreadPool threadPool;
    private final String executor;
    private final ClusterSettings settings;
    private final AudioSourceResolver resolver;
    private final AudioVectorizer vectorizer;

    public AudioEmbeddingService(ThreadPool threadPool, String executor, ClusterSettings settings, AudioSourceResolver resolver, AudioVectorizer vectorizer) {
        this.threadPool = threadPool;
        this.executor = executor;
        this.settings = settings;
        this.resolver = resolver;
        this.vectorizer = vectorizer;
    }

    /** The analysis configuration in effect for these options. */
    public AnalyzerConfig config(Options options) {
        DecodeLimits limits = DecodeLimits.DEFAULT
            .withMaxBytes(settings.get(PodcastSettings.AUDIO_MAX_BYTES).getBytes())
            .withMaxDurationSeconds(settings.get(PodcastSettings.AUDIO_MAX_DURATION).getSeconds());
        int windows = options.windows() != null ? options.windows() : settings.get(PodcastSettings.AUDIO_WINDOWS);
        double seconds = options.windowSeconds() != null
            ? options.windowSeconds()
            : settings.get(PodcastSettings.AUDIO_WINDOW_LENGTH).millis() / 1000.0;
        return new AnalyzerConfig(AnalyzerConfig.DEFAULT.sampleRate(), seconds, windows, Boolean.TRUE.equals(options.fullPass()), limits);
    }

    public void analyze(String reference, Options options, ActionListener<AudioFeatures> listener) {
        AnalyzerConfig config;
        try {
            config = config(options);
        } catch (IllegalArgumentException e) {
            listener.onFailure(e);
            return;
        }
        long timeoutMillis = settings.get(PodcastSettings.AUDIO_TIMEOUT).millis();
        AtomicBoolean answered = new AtomicBoolean();
        ActionListener<AudioFeatures> once = ActionListener.wrap(
            features -> { if (answered.compareAndSet(false, true)) listener.onResponse(features); },
            e -> { if (answered.compareAndSet(false, true)) listener.onFailure(e); }
        );
        try {
            threadPool.executor(executor).execute(() -> {
                var timeout = threadPool.schedule(
                    () -> once.onFailure(new OpenSearchTimeoutException("audio [{}] was not analysed within plugins.podcast.audio.timeout ({})", abbreviate(reference), settings.get(PodcastSettings.AUDIO_TIMEOUT))),
                    org.opensearch.common.unit.TimeValue.timeValueMillis(timeoutMillis),
                    ThreadPool.Names.GENERIC
                );
                try {
                    once.onResponse(AccessController.doPrivilegedChecked(() -> resolveAndAnalyze(reference, config)));
                } catch (AudioDecodeException e) {
                    once.onFailure(new IllegalArgumentException("audio [" + abbreviate(reference) + "]: " + e.getMessage(), e));
                } catch (Exception | OutOfMemoryError e) {
                    once.onFailure(e instanceof Exception ex ? ex : new IllegalStateException("audio [" + abbreviate(reference) + "] needs more memory than the node has", e));
                } finally {
                    timeout.cancel();
                }
            });
        } catch (Exception rejected) { // OpenSearchRejectedExecutionException: reported as 429
            once.onFailure(rejected);
        }
    }

    /**
     * Reads the source and analyses it. Runs privileged: the node's Java agent checks the permissions of every
     * frame on the stack, and the pool's task wrappers from OpenSearch core lack the plugin's grants (file read,
     * socket connect) in plugin-security.policy; the access policy above ({@link AudioSourceResolver}) is what
     * limits which files and hosts are reached.
     */
    private AudioFeatures resolveAndAnalyze(String reference, AnalyzerConfig config) throws Exception {
        try (AudioSourceResolver.ResolvedAudio audio = resolver.resolve(reference)) {
            return new AudioAnalyzer(config, vectorizer).analyze(audio.input());
        }
    }

    @Override
    public void close() {
        resolver.close();
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
