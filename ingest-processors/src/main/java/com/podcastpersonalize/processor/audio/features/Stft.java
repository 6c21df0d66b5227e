package com.podcastpersonalize.processor.audio.features;

/**
 * Mirrors {@code librosa.stft(y, n_fft=2048, hop_length=n_fft//4, win_length=n_fft, window='hann',
 * center=True, pad_mode='constant')} (librosa 0.11 defaults): the signal is zero-padded by n_fft/2 on both
 * sides when centred, framed every hop samples, multiplied by the periodic window (zero-padded to n_fft when
 * shorter, centred) and transformed with exp(-2πi·jk/n). Frames: 1 + len/hop when centred.
 */
public final class Stft {

    public static final int DEFAULT_N_FFT = 2048;
    public static final int DEFAULT_HOP = 512;

    private final int nFft;
    private final int hop;
    private final double[] window;
    private final boolean center;
    private final RealFft fft;
    private final SpectrumKernels kernels;

    /** Hann window of length n_fft, centred frames. */
    public Stft(int nFft, int hop) {
        this(nFft, hop, SpectrumKernels.best());
    }

    /** Hann window of length n_fft, centred frames, the per-bin loops run by {@code kernels}. */
    public Stft(int nFft, int hop, SpectrumKernels kernels) {
        this(nFft, hop, Windows.hann(nFft, true), true, kernels);
    }

    /** {@code window} of length ≤ n_fft, zero-padded to n_fft in the middle as librosa does. */
    public Stft(int nFft, int hop, double[] window, boolean center) {
        this(nFft, hop, window, center, SpectrumKernels.best());
    }

    private Stft(int nFft, int hop, double[] window, boolean center, SpectrumKernels kernels) {
        if (nFft < 2 || hop < 1 || window.length > nFft) {
            throw new IllegalArgumentException("invalid STFT parameters: n_fft=" + nFft + " hop=" + hop + " window=" + window.length);
        }
        this.nFft = nFft;
        this.hop = hop;
        this.center = center;
        double[] w = new double[nFft];
        int off = (nFft - window.length) / 2;
        System.arraycopy(window, 0, w, off, window.length);
        this.window = w;
        this.fft = RealFft.of(nFft);
        this.kernels = kernels;
    }

    public Spectrogram compute(float[] y) {
        double[] x = center ? Framing.pad(y, nFft / 2, Framing.Pad.CONSTANT) : Framing.toDouble(y);
        int frames = Framing.frameCount(x.length, nFft, hop);
        double[][] re = new double[frames][nFft / 2 + 1];
        double[][] im = new double[frames][nFft / 2 + 1];
        double[] buf = new double[nFft];
        for (int t = 0; t < frames; t++) {
            int start = t * hop;
            for (int j = 0; j < nFft; j++) {
                buf[j] = x[start + j] * window[j];
            }
            fft.forward(buf, re[t], im[t]);
        }
        return new Spectrogram(re, im, nFft, hop);
    }

    /**
     * |STFT|² [frame][bin], the same values as {@code compute(y).magnitude(2.0)} (the same products and sums)
     * without keeping the complex spectrogram: frames are windowed straight from {@code y} (the centre padding
     * read as zeros) and squared in the FFT's output buffer.
     */
    public double[][] power(float[] y) {
        int frames = frames(y.length);
        double[][] out = new double[frames][nFft / 2 + 1];
        double[] buf = new double[nFft];
        for (int t = 0; t < frames; t++) {
            powerFrame(y, t, out[t], buf);
        }
        return out;
    }

    /** Frames of a signal of {@code length} samples. */
    public int frames(int length) {
        return Framing.frameCount(length + 2 * (center ? nFft / 2 : 0), nFft, hop);
    }

    /** |STFT|² of frame t into {@code power} (n_fft/2+1 bins); {@code buf} (n_fft values) is overwritten. */
    public void powerFrame(float[] y, int t, double[] power, double[] buf) {
        int start = t * hop - (center ? nFft / 2 : 0); // index in y of the frame's first sample
        int from = Math.max(0, -start);
        int to = Math.min(nFft, y.length - start);
        java.util.Arrays.fill(buf, 0, from, 0.0);
        for (int j = from; j < to; j++) { // the JIT vectorizes this loop itself
            buf[j] = y[start + j] * window[j];
        }
        java.util.Arrays.fill(buf, Math.max(from, to), nFft, 0.0);
        fft.powerSpectrum(buf, power, kernels);
    }
}
