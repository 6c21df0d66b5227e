package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.melspectrogram(y, sr=22050, n_fft=2048, hop_length=512, power=2.0,
 * n_mels=128)}: the mel filterbank applied to the power spectrogram |STFT|². Output [frame][mel].
 */
public final class MelSpectrogram {

    private MelSpectrogram() {}

    /**
     * From a spectrogram already raised to the wanted power (librosa's {@code S=} argument). Each mel filter is
     * non-zero on a few bins only (a triangle), so only those are summed: the same terms in the same order as
     * the dense product, since the skipped terms are exact zeros.
     */
    public static double[][] fromSpectrogram(double[][] powerSpec, double[][] melBasis) {
        Filters filters = new Filters(melBasis);
        double[][] out = new double[powerSpec.length][melBasis.length];
        for (int t = 0; t < powerSpec.length; t++) {
            filters.frame(powerSpec[t], out[t]);
        }
        return out;
    }

    /** A mel basis with the run of non-zero bins of each filter; immutable. */
    public static final class Filters {
        private final double[][] basis;
        private final int[] first;
        private final int[] end;

        public Filters(double[][] melBasis) {
            this.basis = melBasis;
            this.first = new int[melBasis.length];
            this.end = new int[melBasis.length];
            for (int m = 0; m < melBasis.length; m++) {
                double[] w = melBasis[m];
                int lo = 0;
                while (lo < w.length && w[lo] == 0) {
                    lo++;
                }
                int hi = w.length;
                while (hi > lo && w[hi - 1] == 0) {
                    hi--;
                }
                first[m] = lo;
                end[m] = hi;
            }
        }

        /** One frame: the mel bands of spectrum {@code s} into {@code out}. */
        public void frame(double[] s, double[] out) {
            for (int m = 0; m < basis.length; m++) {
                double[] w = basis[m];
                double acc = 0;
                for (int k = first[m]; k < end[m]; k++) {
                    acc += w[k] * s[k];
                }
                out[m] = acc;
            }
        }
    }

    public static double[][] compute(float[] y, double sr, int nFft, int hop, int nMels) {
        double[][] power = new Stft(nFft, hop).power(y);
        return fromSpectrogram(power, MelFilterbank.of(sr, nFft, nMels));
    }
}
