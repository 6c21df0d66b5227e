package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.feature.spectral_flatness(y, n_fft=2048, hop_length=512, amin=1e-10, power=2.0)}:
 * per frame, geometric mean / arithmetic mean of max(amin, |STFT|^power); 1 for a perfectly flat spectrum,
 * near 0 for a tone.
 */
public final class SpectralFlatness {

    public static final double AMIN = 1e-10;

    private SpectralFlatness() {}

    /**
     * From the magnitude spectrogram |STFT| (power 1). The log of the geometric mean is summed over products of
     * {@value #BLOCK} values (one logarithm per block instead of per bin, the same sum up to rounding); a
     * block whose product leaves the normal double range is summed value by value.
     */
    public static double[] compute(double[][] magnitude, double power, double amin) {
        SpectrumKernels kernels = SpectrumKernels.best();
        double[] out = new double[magnitude.length];
        double[] x = new double[magnitude.length == 0 ? 0 : magnitude[0].length];
        for (int t = 0; t < magnitude.length; t++) {
            double[] s = magnitude[t];
            if (x.length < s.length) {
                x = new double[s.length];
            }
            double sum = 0;
            for (int k = 0; k < s.length; k++) {
                double v = s[k];
                x[k] = Math.max(amin, power == 2 ? v * v : Math.pow(v, power));
                sum += x[k];
            }
            out[t] = Math.exp(logSum(x, s.length, kernels) / s.length) / (sum / s.length);
        }
        return out;
    }

    /**
     * From the power spectrogram |STFT|² (power 2): max(amin, |S|²) straight from it rather than from the square
     * of its square root (rounding only).
     */
    public static double[] fromPower(double[][] power, double amin) {
        double[] out = new double[power.length];
        double[] work = new double[power.length == 0 ? 0 : power[0].length];
        for (int t = 0; t < power.length; t++) {
            if (work.length < power[t].length) {
                work = new double[power[t].length];
            }
            out[t] = frameFromPower(power[t], amin, work);
        }
        return out;
    }

    /** One frame's flatness from its power spectrum; {@code work} (at least as long) is overwritten. */
    public static double frameFromPower(double[] s, double amin, double[] work) {
        return frameFromPower(s, amin, work, SpectrumKernels.best());
    }

    /**
     * {@link #frameFromPower(double[], double, double[])} with the clamp and the sum taken by {@code kernels} (four
     * running sums, so that the additions do not wait on each other: rounding only), and the logarithms too (on
     * SIMD lanes with the Vector API, to an ulp of {@code Math.log}).
     */
    public static double frameFromPower(double[] s, double amin, double[] work, SpectrumKernels kernels) {
        double sum = kernels.clampAndSum(s, amin, work);
        return Math.exp(logSum(work, s.length, kernels) / s.length) / (sum / s.length);
    }

    private static final int BLOCK = 16;

    /**
     * Σ ln(x[k]) over k &lt; n as the logs of the products of blocks of {@value #BLOCK} values, each value alone in a
     * block whose product leaves the normal double range, and each value of the tail alone. The terms whose logs
     * are taken are first gathered in order into the front of {@code x} (each written at or below the index it came
     * from, once read), so that {@code kernels} take all their logs in one call and add them in order.
     */
    private static double logSum(double[] x, int n, SpectrumKernels kernels) {
        int terms = 0;
        int k = 0;
        for (; k + BLOCK <= n; k += BLOCK) {
            double even = 1; // two product chains, so that the multiplications do not all wait on each other
            double odd = 1;
            for (int j = k; j < k + BLOCK; j += 2) {
                even *= x[j];
                odd *= x[j + 1];
            }
            double product = even * odd;
            if (product >= Double.MIN_NORMAL && product <= Double.MAX_VALUE) {
                x[terms++] = product;
            } else {
                System.arraycopy(x, k, x, terms, BLOCK);
                terms += BLOCK;
            }
        }
        System.arraycopy(x, k, x, terms, n - k);
        terms += n - k;
        return kernels.sumOfLogs(x, terms);
    }
}
