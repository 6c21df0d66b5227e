package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.AudioDecoders;
import com.podcastpersonalize.processor.audio.decode.AudioSource;
import com.podcastpersonalize.processor.audio.decode.DecodeLimits;
import com.podcastpersonalize.processor.audio.decode.ResamplingSource;
import com.podcastpersonalize.processor.audio.features.SpeechMusicDiscriminator;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Development tool (not a test): prints the speech/music cues of each one-second segment of the given files,
 * to check where the discriminator's thresholds sit. Usage: {@code SegmentCueReport file...}.
 */
public final class SegmentCueReport {

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            try (AudioSource s = ResamplingSource.of(AudioDecoders.open(Path.of(a), DecodeLimits.DEFAULT), 22050)) {
                float[] y = new float[(int) s.totalFrames()];
                int pos = 0;
                int n;
                while (pos < y.length && (n = s.read(y, pos, y.length - pos)) > 0) {
                    pos += n;
                }
                FrameFeatures f = new WindowAnalysis(22050).analyze(y);
                for (SpeechMusicDiscriminator.Segment seg : f.segments()) {
                    System.out.println(String.format(Locale.ROOT, "%-28s glide %.2f loudness variation %.2f voicing changes/s %5.1f score %.2f %s",
                        Path.of(a).getFileName(), seg.glide(), seg.loudnessVariation(), seg.voicingChangesPerSecond(), seg.score(), seg.silent() ? "silent" : seg.speech() ? "SPEECH" : "music"));
                }
            }
        }
    }
}
