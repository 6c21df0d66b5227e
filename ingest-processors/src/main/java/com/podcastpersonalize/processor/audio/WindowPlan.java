package com.podcastpersonalize.processor.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the analysed windows lie, in frames at the analysis rate. Sampled mode: windowCount windows centred
 * at (i + ½)/windowCount of the episode (they do not overlap when the episode is longer than all of them
 * together; an episode shorter than that is analysed whole, as consecutive windows).
 * Full pass: consecutive windows from start to end.
 */
record WindowPlan(List<long[]> windows) {

    /** Shortest piece worth analysing on its own (a quarter second: enough frames for deltas). */
    static final double MIN_SECONDS = 0.25;

    static WindowPlan of(long totalFrames, AnalyzerConfig config) {
        long len = config.windowFrames();
        List<long[]> out = new ArrayList<>();
        long minFrames = (long) (MIN_SECONDS * config.sampleRate());
        if (config.fullPass() || totalFrames <= len * config.windowCount()) {
            for (long start = 0; start < totalFrames; start += len) {
                long l = Math.min(len, totalFrames - start);
                if (l >= minFrames || start == 0) {
                    out.add(new long[] {start, l});
                }
            }
            return new WindowPlan(out);
        }
        for (int i = 0; i < config.windowCount(); i++) {
            long centre = Math.round(totalFrames * (i + 0.5) / config.windowCount());
            long start = Math.max(0, Math.min(totalFrames - len, centre - len / 2));
            out.add(new long[] {start, len});
        }
        return new WindowPlan(out);
    }
}
