package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.tempo(onset_envelope, sr=22050, hop_length=512, start_bpm=120, std_bpm=1.0,
 * ac_size=8.0, max_tempo=320.0, aggregate=np.mean)}: the tempogram with win_length = ⌊ac_size·sr/hop⌋ is
 * averaged over time; lag k ≥ 1 stands for 60·sr/(hop·k) BPM; the score is log1p(10⁶·autocorrelation) plus a
 * log-normal prior -½·((log2 bpm - log2 start_bpm)/std_bpm)², lags faster than max_tempo are excluded, and
 * the best lag's BPM is the tempo ({@link Estimate#librosaBpm()}).
 *
 * <p>librosa's answer is quantised to lag bins (at 22050 Hz / hop 512, 117.5 or 123.0 BPM around 120), so
 * {@link Estimate#refinedBpm()} additionally places the peak between lags by parabolic interpolation of the
 * mean autocorrelation around the chosen lag: this is what the analyzer reports as tempo. The mean tempogram
 * can be accumulated over several analysis windows ({@link Accumulator}) so that a sampled episode gets one
 * estimate from all its windows, as librosa's time aggregate does for one signal.
 */
public final class TempoEstimator {

    public static final double START_BPM = 120.0;
    public static final double STD_BPM = 1.0;
    public static final double AC_SIZE = 8.0;
    public static final double MAX_TEMPO = 320.0;

    public record Estimate(double librosaBpm, double refinedBpm, int lag) {}

    private TempoEstimator() {}

    public static int winLength(double sr, int hop) {
        return (int) Math.floor(AC_SIZE * sr / hop);
    }

    public static Estimate estimate(double[] onsetEnvelope, double sr, int hop) {
        Accumulator acc = new Accumulator(sr, hop);
        acc.add(onsetEnvelope);
        return acc.estimate();
    }

    /** Sums tempogram frames over one or more onset envelopes; not thread-safe. */
    public static final class Accumulator {
        private final double sr;
        private final int hop;
        private final int winLength;
        private final double[] sum;
        private final TempogramSum tempogram;
        private long frames;

        public Accumulator(double sr, int hop) {
            this.sr = sr;
            this.hop = hop;
            this.winLength = winLength(sr, hop);
            this.sum = new double[winLength];
            this.tempogram = new TempogramSum(winLength);
        }

        /** Adds the tempogram frames of one onset envelope (summed by {@link TempogramSum}, no FFTs). */
        public void add(double[] onsetEnvelope) {
            frames += tempogram.add(onsetEnvelope, sum);
        }

        /**
         * null when no frames were added or the onset envelope was zero throughout (silence, a steady tone):
         * librosa would then return the prior's mode (~120 BPM), which is no measurement.
         */
        public Estimate estimate() {
            if (frames == 0 || java.util.Arrays.stream(sum).allMatch(v -> v == 0)) {
                return null;
            }
            double[] mean = new double[winLength];
            for (int k = 0; k < winLength; k++) {
                mean[k] = sum[k] / frames;
            }
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 1; k < winLength; k++) {
                double bpm = bpm(k);
                if (bpm >= MAX_TEMPO) {
                    continue; // librosa masks every lag before the first one slower than max_tempo
                }
                double prior = -0.5 * Math.pow((log2(bpm) - log2(START_BPM)) / STD_BPM, 2);
                double score = Math.log1p(1e6 * mean[k]) + prior;
                if (score > bestScore) {
                    bestScore = score;
                    best = k;
                }
            }
            if (best < 0) {
                return null;
            }
            double lag = best;
            if (best > 1 && best < winLength - 1) {
                lag = best + TuningEstimator.parabolicShift(mean[best - 1], mean[best], mean[best + 1]);
            }
            return new Estimate(bpm(best), 60.0 * sr / (hop * lag), best);
        }

        private double bpm(double lag) {
            return 60.0 * sr / (hop * lag);
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
