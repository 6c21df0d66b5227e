package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.onset.onset_strength(y, sr, hop_length=512, lag=1, max_size=1, detrend=False,
 * center=True, aggregate=np.mean)} with its default feature, the dB mel spectrogram
 * ({@code power_to_db(melspectrogram(y))}): per frame t, the mean over mel bands of max(0, S[t] - S[t-lag]);
 * the result is shifted right by lag (+ n_fft/(2·hop) when centred) with zeros in front and cut to the
 * number of frames. With detrend, it is high-pass filtered by y[t] = x[t] - x[t-1] + 0.99·y[t-1].
 */
public final class OnsetStrength {

    private OnsetStrength() {}

    /**
     * @param spec   a spectrogram-like array [frame][band] already in the wanted units (librosa's {@code S=})
     * @param center whether the frames were centred (shifts the envelope by nFft/(2·hop) frames)
     */
    public static double[] fromSpectrogram(double[][] spec, int lag, boolean center, boolean detrend, int nFft, int hop) {
        int frames = spec.length;
        int pad = lag + (center ? nFft / (2 * hop) : 0);
        int diffs = Math.max(0, frames - lag);
        double[] env = new double[pad + diffs];
        for (int t = 0; t < diffs; t++) {
            double[] now = spec[t + lag];
            double[] before = spec[t];
            double acc = 0;
            for (int b = 0; b < now.length; b++) {
                acc += Math.max(0.0, now[b] - before[b]);
            }
            env[pad + t] = acc / now.length;
        }
        if (detrend) {
            double prevX = 0;
            double prevY = 0;
            for (int i = 0; i < env.length; i++) {
                double yv = env[i] - prevX + 0.99 * prevY;
                prevX = env[i];
                prevY = yv;
                env[i] = yv;
            }
        }
        return center ? java.util.Arrays.copyOf(env, frames) : env;
    }

    /** librosa's default: from the dB mel spectrogram, lag 1, centred, no detrending. */
    public static double[] fromLogMel(double[][] logMel, int nFft, int hop) {
        return fromSpectrogram(logMel, 1, true, false, nFft, hop);
    }
}
