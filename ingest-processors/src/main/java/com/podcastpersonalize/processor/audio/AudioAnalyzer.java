package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.AudioDecodeException;
import com.podcastpersonalize.processor.audio.decode.AudioDecoders;
import com.podcastpersonalize.processor.audio.decode.AudioInput;
import com.podcastpersonalize.processor.audio.decode.AudioSource;
import com.podcastpersonalize.processor.audio.decode.ResamplingSource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Analyses an episode: decodes it as a stream, resamples to the analysis rate, reads the windows of the
 * {@link WindowPlan} (skipping between them: by seeking for WAV, by passing over whole frames for MP3, by
 * decoding and discarding for FLAC and Ogg Vorbis), computes every frame-level feature per window ({@link WindowAnalysis}), aggregates them over
 * time ({@link FeatureAccumulator}) and, given a vectorizer, builds the audio vector. Memory is bounded by one
 * window plus fixed-size aggregates, whatever the episode's length; in sampled mode (the default) the cost is
 * bounded too, apart from the frame scan of MP3 and the decode-and-discard of FLAC and Ogg Vorbis. A window with
 * a NaN or infinite sample fails the analysis with an {@link AudioDecodeException} (samples in the skipped
 * stretches between sampled windows are never looked at).
 *
 * <p>Thread-safe: it holds only immutable configuration; every call keeps its state local, and the shared
 * filterbanks, windows and FFT plans are immutable caches.
 */
public final class AudioAnalyzer {

    private final AnalyzerConfig config;
    private final AudioVectorizer vectorizer;

    public AudioAnalyzer(AnalyzerConfig config, AudioVectorizer vectorizer) {
        this.config = config;
        this.vectorizer = vectorizer;
    }

    public AnalyzerConfig config() {
        return config;
    }

    public AudioFeatures analyze(AudioInput input) throws AudioDecodeException {
        long nativeTotal;
        int nativeRate;
        try (AudioSource probe = AudioDecoders.open(input, config.limits())) {
            nativeRate = probe.sampleRate();
            nativeTotal = probe.totalFrames() >= 0 ? probe.totalFrames() : countFrames(probe);
        }
        if (nativeTotal == 0) {
            throw new AudioDecodeException(input.name() + ": the file holds no audio samples");
        }
        double duration = (double) nativeTotal / nativeRate;
        int sr = config.sampleRate();
        long total = (long) Math.ceil(nativeTotal * (double) sr / nativeRate);
        WindowPlan plan = WindowPlan.of(total, config);
        FeatureAccumulator acc = new FeatureAccumulator(sr, WindowAnalysis.HOP);
        WindowAnalysis analysis = new WindowAnalysis(sr);
        try (AudioSource source = ResamplingSource.of(AudioDecoders.open(input, config.limits()), sr)) {
            long position = 0;
            float[] y = new float[0];
            for (long[] window : plan.windows()) {
                if (window[0] > position) {
                    position += source.skip(window[0] - position);
                }
                if (y.length != window[1]) {
                    y = new float[(int) window[1]];
                }
                int got = readFully(source, y);
                position += got;
                if (got < WindowPlan.MIN_SECONDS * sr && acc.frames() > 0) {
                    break;
                }
                if (got == 0) {
                    break;
                }
                try {
                    acc.add(analysis.analyze(got < y.length ? Arrays.copyOf(y, got) : y), got);
                } catch (WindowAnalysis.NonFiniteSampleException e) {
                    throw nonFinite(input, e, (double) (position - got + e.index()) / sr);
                }
            }
        }
        if (acc.frames() == 0) {
            throw new AudioDecodeException(input.name() + ": no audio samples could be decoded");
        }
        Map<String, Double> named = acc.result(duration);
        AudioFeatures features = new AudioFeatures(named, null);
        return vectorizer == null ? features : new AudioFeatures(named, vectorizer.vectorize(features));
    }

    private static AudioDecodeException nonFinite(AudioInput input, WindowAnalysis.NonFiniteSampleException e, double seconds) {
        // after resampling the position is that of the analysis-rate stream: within a few ms of the decoded sample
        return new AudioDecodeException(String.format(Locale.ROOT,
            "%s: the audio is not finite everywhere: the sample at %.3f s is %s (corrupt float data; librosa refuses such audio too)",
            input.name(), seconds, e.value()), e);
    }

    private static long countFrames(AudioSource source) throws AudioDecodeException {
        long n = 0;
        long s;
        while ((s = source.skip(1 << 20)) > 0) {
            n += s;
        }
        return n;
    }

    private static int readFully(AudioSource source, float[] y) throws AudioDecodeException {
        int pos = 0;
        while (pos < y.length) {
            int n = source.read(y, pos, y.length - pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        return pos;
    }
}
