package com.podcastpersonalize.processor.audio.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Labels one-second segments as speech or music from frame-level RMS and YIN (no librosa counterpart; the
 * cues are classic ones, cf. Scheirer &amp; Slaney 1997, Saunders 1996). Speech alternates voiced syllables
 * with unvoiced consonants and pauses, its loudness swings from syllable to syllable and its pitch glides
 * continuously; music holds notes at steady pitch and keeps its loudness up. A frame counts as voiced here
 * when YIN's normalised difference dips below {@value #VOICING_TROUGH} and its RMS is above
 * {@value #SILENCE_RMS} (looser than YIN's 0.1: over a 93 ms frame speech pitch moves, so its dips are
 * shallower). Per segment of non-silent audio:
 * <ol>
 *   <li><b>pitch glide</b>: among consecutive voiced frames, the fraction whose pitch moves by between
 *       {@value #MIN_GLIDE_CENTS} and {@value #MAX_GLIDE_CENTS} cents (held notes move less, note changes and
 *       octave errors more);</li>
 *   <li><b>loudness variation</b>: coefficient of variation (std / mean) of the frame RMS;</li>
 *   <li><b>voicing changes</b> per second (voiced ↔ unvoiced transitions).</li>
 * </ol>
 * Each cue goes through a logistic function centred between the ranges measured on espeak-ng speech and sox
 * tones, chords, plucked melodies and rhythms (speech: glide 0.55-1.0, RMS variation 0.40-0.98, 3-13
 * changes/s; music: glide ≤ 0.03, variation ≤ 0.40, ≤ 6 changes/s); a segment is speech when the mean of the
 * three exceeds 0.5. Segments with mean RMS below {@value #SILENCE_RMS} (-60 dBFS) are silent and count as
 * neither; the speech ratio of a recording is the fraction of its non-silent segments labelled speech.
 */
public final class SpeechMusicDiscriminator {

    static final double VOICING_TROUGH = 0.3;
    static final double SILENCE_RMS = 1e-3;
    static final double MIN_GLIDE_CENTS = 3;
    static final double MAX_GLIDE_CENTS = 150;

    // logistic centre and scale of each cue
    static final double GLIDE_CENTRE = 0.3;
    static final double GLIDE_SCALE = 0.08;
    static final double VARIATION_CENTRE = 0.3;
    static final double VARIATION_SCALE = 0.06;
    static final double CHANGES_CENTRE = 4.0;
    static final double CHANGES_SCALE = 1.5;

    /** One segment's cues and label. */
    public record Segment(double glide, double loudnessVariation, double voicingChangesPerSecond, double score, boolean silent) {
        public boolean speech() {
            return !silent && score > 0.5;
        }
    }

    private SpeechMusicDiscriminator() {}

    /**
     * @param rms         RMS per frame
     * @param f0          YIN f0 per frame (Hz)
     * @param troughValue YIN's normalised difference at the chosen period, per frame
     * @param frameRate   frames per second (sr / hop)
     */
    public static List<Segment> segments(double[] rms, double[] f0, double[] troughValue, double frameRate) {
        int perSegment = (int) Math.round(frameRate);
        List<Segment> out = new ArrayList<>();
        // a trailing piece shorter than half a segment carries too little evidence and is dropped
        for (int start = 0; start + perSegment / 2 <= rms.length && perSegment > 0; start += perSegment) {
            int end = Math.min(rms.length, start + perSegment);
            out.add(segment(rms, f0, troughValue, start, end, frameRate));
        }
        return out;
    }

    static Segment segment(double[] rms, double[] f0, double[] trough, int start, int end, double frameRate) {
        int n = end - start;
        double sum = 0;
        double sumSq = 0;
        for (int i = start; i < end; i++) {
            sum += rms[i];
            sumSq += rms[i] * rms[i];
        }
        double mean = sum / n;
        if (mean < SILENCE_RMS) {
            return new Segment(0, 0, 0, 0, true);
        }
        double variation = Math.sqrt(Math.max(0, sumSq / n - mean * mean)) / mean;
        int changes = 0;
        int pairs = 0;
        int gliding = 0;
        boolean previous = false;
        for (int i = start; i < end; i++) {
            boolean voiced = trough[i] < VOICING_TROUGH && rms[i] > SILENCE_RMS;
            if (i > start) {
                if (voiced != previous) {
                    changes++;
                }
                if (voiced && previous) {
                    pairs++;
                    double cents = Math.abs(1200 * Math.log(f0[i] / f0[i - 1]) / Math.log(2));
                    if (cents >= MIN_GLIDE_CENTS && cents <= MAX_GLIDE_CENTS) {
                        gliding++;
                    }
                }
            }
            previous = voiced;
        }
        double glide = pairs == 0 ? 0 : (double) gliding / pairs;
        double changesPerSecond = changes * frameRate / n;
        double score = (logistic((glide - GLIDE_CENTRE) / GLIDE_SCALE) + logistic((variation - VARIATION_CENTRE) / VARIATION_SCALE)
            + logistic((changesPerSecond - CHANGES_CENTRE) / CHANGES_SCALE)) / 3;
        return new Segment(glide, variation, changesPerSecond, score, false);
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
