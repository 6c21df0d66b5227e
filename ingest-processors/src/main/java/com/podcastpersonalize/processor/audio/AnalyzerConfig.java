package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.DecodeLimits;

/**
 * How an episode is analysed.
 *
 * @param sampleRate    analysis rate (librosa's default 22050 Hz); audio is resampled to it
 * @param windowSeconds length of each analysed window
 * @param windowCount   windows spread evenly over the episode in sampled mode (cost independent of length)
 * @param fullPass      analyse the whole episode as consecutive windows instead (cost grows with length)
 * @param limits        decoder limits
 */
public record AnalyzerConfig(int sampleRate, double windowSeconds, int windowCount, boolean fullPass, DecodeLimits limits) {

    /** 22050 Hz, 6 windows of 10 s (one minute analysed per episode), default limits. */
    public static final AnalyzerConfig DEFAULT = new AnalyzerConfig(22050, 10.0, 6, false, DecodeLimits.DEFAULT);

    public AnalyzerConfig {
        if (sampleRate < 8000 || sampleRate > 96000) {
            throw new IllegalArgumentException("analysis sample rate must be 8000..96000 Hz: " + sampleRate);
        }
        if (!(windowSeconds >= 1.0 && windowSeconds <= 600.0)) {
            throw new IllegalArgumentException("window length must be 1..600 s: " + windowSeconds);
        }
        if (windowCount < 1 || windowCount > 1000) {
            throw new IllegalArgumentException("window count must be 1..1000: " + windowCount);
        }
    }

    public AnalyzerConfig withFullPass(boolean full) {
        return new AnalyzerConfig(sampleRate, windowSeconds, windowCount, full, limits);
    }

    public AnalyzerConfig withWindows(int count, double seconds) {
        return new AnalyzerConfig(sampleRate, seconds, count, fullPass, limits);
    }

    public int windowFrames() {
        return (int) Math.round(windowSeconds * sampleRate);
    }
}
