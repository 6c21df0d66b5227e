package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.tempogram(onset_envelope, sr, hop_length, win_length=384, center=True,
 * window='hann', norm=np.inf)}: the onset envelope is padded by win_length/2 on both sides with linear ramps
 * from 0 to its end values, cut into win_length frames at every onset frame, each frame multiplied by a
 * periodic Hann window and autocorrelated (lags 0..win_length-1), and each autocorrelation divided by its
 * maximum absolute value. Output [frame][lag].
 */
public final class Tempogram {

    private Tempogram() {}

    public static double[][] compute(double[] onsetEnvelope, int winLength) {
        int n = onsetEnvelope.length;
        double[] x = padded(onsetEnvelope, winLength);
        double[] window = Windows.hann(winLength, true);
        int fftSize = Integer.highestOneBit(Math.max(2, 2 * winLength - 1) - 1) << 1;
        RealFft fft = RealFft.of(fftSize);
        double[] buf = new double[fftSize];
        double[] power = new double[fftSize / 2 + 1];
        double[] zeros = new double[fftSize / 2 + 1];
        double[] ac = new double[fftSize];
        double[][] out = new double[n][winLength];
        for (int t = 0; t < n; t++) {
            java.util.Arrays.fill(buf, 0);
            for (int j = 0; j < winLength && t + j < x.length; j++) {
                buf[j] = x[t + j] * window[j];
            }
            fft.powerSpectrum(buf, power);
            fft.inverse(power, zeros, ac);
            double max = 0;
            for (int lag = 0; lag < winLength; lag++) {
                max = Math.max(max, Math.abs(ac[lag]));
            }
            double div = Norms.safeDivisor(max);
            for (int lag = 0; lag < winLength; lag++) {
                out[t][lag] = ac[lag] / div;
            }
        }
        return out;
    }

    /** The envelope padded by win_length/2 on both sides with numpy's 'linear_ramp' to 0 (left 0 → first value, right last value → 0). */
    static double[] padded(double[] onsetEnvelope, int winLength) {
        int n = onsetEnvelope.length;
        int pad = winLength / 2;
        double[] x = new double[n + 2 * pad];
        System.arraycopy(onsetEnvelope, 0, x, pad, n);
        if (n > 0) {
            for (int i = 0; i < pad; i++) {
                x[i] = onsetEnvelope[0] * i / pad;
                x[pad + n + i] = onsetEnvelope[n - 1] * (pad - 1 - i) / pad;
            }
        }
        return x;
    }
}
