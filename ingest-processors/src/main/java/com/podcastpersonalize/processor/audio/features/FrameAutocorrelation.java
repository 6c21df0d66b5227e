package com.podcastpersonalize.processor.audio.features;

/**
 * The linear autocorrelation r_t(τ) = Σ_{n=0..N-1-τ} x[s+n]·x[s+n+τ], τ = 0..maxLag, of consecutive frames
 * x[s .. s+N) with s = t·hop, for {@link Yin}, frame after frame.
 *
 * <p>When frames are whole numbers of hops and maxLag &lt; hop (YIN's defaults: N 2048, hop 512, lags up to
 * 338 at 22050 Hz), frames share their hop-long blocks, and so does the work: per block k, A_k(τ) (pairs
 * inside the block) and D_k(τ) (pairs starting in the block, ending in it or the next one) come from two
 * FFTs and two inverse FFTs of 2·hop or more, and r_t = D_t + ... + D_{t+B-2} + A_{t+B-1} for B = N/hop
 * blocks per frame. That is each block transformed once instead of each frame four times at twice the size
 * (about 2.4× less FFT work at the defaults). The sums are the same products as the per-frame FFT, grouped
 * differently, so results differ only in rounding. Other shapes use one zero-padded FFT per frame.
 * Not thread-safe: one per signal.
 */
final class FrameAutocorrelation {

    private final double[] x;
    private final int frameLength;
    private final int hop;
    private final int maxLag;
    private final boolean blockwise;
    private final RealFft fft;
    private final double[] buf;
    private final double[] re;
    private final double[] im;
    private final double[] re2;
    private final double[] im2;
    // blockwise: per block of the current frame, in a ring of B entries: A_k and D_k for lags 0..maxLag
    private final double[][] inside;
    private final double[][] across;
    private int nextBlock;
    private int frame;

    FrameAutocorrelation(double[] x, int frameLength, int hop, int maxLag) {
        this.x = x;
        this.frameLength = frameLength;
        this.hop = hop;
        this.maxLag = maxLag;
        this.blockwise = frameLength % hop == 0 && maxLag < hop;
        int span = blockwise ? 2 * hop : frameLength + maxLag; // no circular wrap-around for the lags we read
        int size = Integer.highestOneBit(Math.max(2, span - 1)) << 1;
        this.fft = RealFft.of(size);
        this.buf = new double[size];
        int bins = size / 2 + 1;
        this.re = new double[bins];
        this.im = new double[bins];
        this.re2 = new double[bins];
        this.im2 = new double[bins];
        int blocks = blockwise ? frameLength / hop : 0;
        this.inside = new double[blocks][maxLag + 1];
        this.across = new double[blocks][maxLag + 1];
    }

    /** Writes r(0..maxLag) of the next frame into {@code out}. */
    void next(double[] out) {
        int start = frame * hop;
        if (!blockwise) {
            correlate(start, frameLength, start, frameLength, out);
            frame++;
            return;
        }
        int blocks = inside.length;
        while (nextBlock < frame + blocks) { // blocks frame .. frame+B-1 must be known
            int slot = nextBlock % blocks;
            int blockStart = nextBlock * hop;
            correlate(blockStart, hop, blockStart, hop, inside[slot]);
            correlate(blockStart, hop, blockStart, buf.length, across[slot]);
            nextBlock++;
        }
        java.util.Arrays.fill(out, 0, maxLag + 1, 0.0);
        for (int i = 0; i < blocks; i++) {
            double[] part = i < blocks - 1 ? across[(frame + i) % blocks] : inside[(frame + i) % blocks];
            for (int tau = 0; tau <= maxLag; tau++) {
                out[tau] += part[tau];
            }
        }
        frame++;
    }

    /**
     * c(τ) = Σ_n a[n]·b[n+τ] for τ = 0..maxLag, a = x[aStart .. aStart+aLen), b = x[bStart .. bStart+bLen), both
     * zero-padded to the FFT size and beyond the signal's end: the inverse FFT of conj(A)·B.
     */
    private void correlate(int aStart, int aLen, int bStart, int bLen, double[] out) {
        load(aStart, aLen);
        fft.forward(buf, re, im);
        boolean same = aStart == bStart && aLen == bLen;
        if (!same) {
            load(bStart, bLen);
            fft.forward(buf, re2, im2);
        }
        for (int k = 0; k < re.length; k++) {
            double r;
            double i;
            if (same) {
                r = re[k] * re[k] + im[k] * im[k];
                i = 0;
            } else { // conj(A)·B
                r = re[k] * re2[k] + im[k] * im2[k];
                i = re[k] * im2[k] - im[k] * re2[k];
            }
            re2[k] = r;
            im2[k] = i;
        }
        fft.inverse(re2, im2, buf);
        System.arraycopy(buf, 0, out, 0, maxLag + 1);
    }

    private void load(int start, int len) {
        int n = Math.max(0, Math.min(len, Math.min(buf.length, x.length - start)));
        System.arraycopy(x, start, buf, 0, n);
        java.util.Arrays.fill(buf, n, buf.length, 0.0);
    }
}
