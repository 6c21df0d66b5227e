package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.features.SpeechMusicDiscriminator;

import java.util.List;

/**
 * Frame-level features of one analysed window (frame-major arrays, one entry per STFT frame), as the
 * librosa functions named in {@link WindowAnalysis} return them.
 */
record FrameFeatures(
    double[][] mfcc,
    double[][] mfccDelta,
    double[][] chroma,
    double[][] contrast,
    double[] centroid,
    double[] bandwidth,
    double[] rolloff,
    double[] flatness,
    double[] zcr,
    double[] rms,
    double[] onset,
    double[] f0,
    boolean[] voiced,
    List<SpeechMusicDiscriminator.Segment> segments
) {
    int frames() {
        return rms.length;
    }
}
