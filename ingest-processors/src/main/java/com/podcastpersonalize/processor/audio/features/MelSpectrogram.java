package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.melspectrogram(y, sr=22050, n_fft=2048, hop_length=512, power=2.0,
 * n_mels=128)}: the mel filterbank applied to the power spectrogram |STFT|². Output [frame][mel].
 */
public final class MelSpectrogram {

    private MelSpectrogram() {}

    /** From a spectrogram already raised to the wanted power (librosa's {@code S=} argument). */
    public static double[][] fromSpectrogram(double[][] powerSpec, double[][] melBasis) {
        double[][] out = new double[powerSpec.length][melBasis.length];
        for (int t = 0; t < powerSpec.length; t++) {
            double[] s = powerSpec[t];
            for (int m = 0; m < melBasis.length; m++) {
                double[] w = melBasis[m];
                double acc = 0;
                for (int k = 0; k < s.length; k++) {
                    if (w[k] != 0) {
                        acc += w[k] * s[k];
                    }
                }
                out[t][m] = acc;
            }
        }
        return out;
    }

    public static double[][] compute(float[] y, double sr, int nFft, int hop, int nMels) {
        double[][] power = new Stft(nFft, hop).compute(y).magnitude(2.0);
        return fromSpectrogram(power, MelFilterbank.of(sr, nFft, nMels));
    }
}
