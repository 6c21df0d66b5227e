package com.podcastpersonalize.processor.audio.features;

/**
 * The linear autocorrelation r_t(τ) = Σ_{n=0..N-1-τ} x[s+n]·x[s+n+τ], τ = 0..maxLag, of consecutive frames
 * x[s .. s+N) with s = t·hop, for {@link Yin}, frame after frame. x is the samples y zero-padded by {@code pad} on
 * both sides (YIN's centred frames), read from y as needed ({@link Framing#readPadded}) rather than copied whole.
 *
 * <p>When frames are whole numbers of hops and maxLag &lt; hop (YIN's defaults: N 2048, hop 512, lags up to
 * 338 at 22050 Hz), frames share their hop-long blocks, and so does the work. Split frame t into its B = N/hop
 * blocks; then r_t = D_t + ... + D_{t+B-2} + A_{t+B-1}, where A_k(τ) sums the pairs inside block k and D_k(τ)
 * the pairs that start in block k and end in it or in block k+1 (no lag reaches further). In the frequency
 * domain, with X_k the FFT of block k zero-padded to F ≥ 2·hop: A_k ↔ |X_k|², D_k ↔ conj(X_k)·(X_k +
 * e^{-2πi·f·hop/F}·X_{k+1}) (block k+1 is block k's neighbour shifted by hop). So each block is transformed
 * once (size F = 1024 at the defaults), the B spectra of a frame are summed and one inverse FFT gives r_t:
 * two FFTs of 1024 per frame instead of two of 4096 for the zero-padded frame, the same products grouped
 * differently, so results differ only in rounding. Other shapes use one zero-padded FFT per frame.
 * Not thread-safe: one per signal.
 */
final class FrameAutocorrelation {

    private final float[] y;
    private final int pad;
    private final int frameLength;
    private final int hop;
    private final int maxLag;
    private final boolean blockwise;
    private final RealFft fft;
    private final double[] buf;
    private final double[] re;
    private final double[] im;
    // blockwise: spectra of the last B blocks (X_k) and of their D_k, in rings; the shift by one hop
    private final double[][] blockRe;
    private final double[][] blockIm;
    private final double[][] crossRe;
    private final double[][] crossIm;
    private final double[] shiftRe;
    private final double[] shiftIm;
    private int knownBlocks;
    private int frame;

    FrameAutocorrelation(float[] y, int pad, int frameLength, int hop, int maxLag) {
        this.y = y;
        this.pad = pad;
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
        int blocks = blockwise ? frameLength / hop : 0;
        this.blockRe = new double[blocks][bins];
        this.blockIm = new double[blocks][bins];
        this.crossRe = new double[blocks][bins];
        this.crossIm = new double[blocks][bins];
        this.shiftRe = new double[blockwise ? bins : 0];
        this.shiftIm = new double[blockwise ? bins : 0];
        for (int f = 0; f < shiftRe.length; f++) {
            double angle = -2 * Math.PI * f * (double) hop / size;
            shiftRe[f] = Math.cos(angle);
            shiftIm[f] = Math.sin(angle);
        }
    }

    /** Writes r(0..maxLag) of the next frame into {@code out}. */
    void next(double[] out) {
        if (blockwise) {
            nextBlockwise(out);
        } else {
            load(frame * hop, frameLength);
            fft.powerSpectrum(buf, re);
            java.util.Arrays.fill(im, 0.0);
            readLags(out);
        }
        frame++;
    }

    private void nextBlockwise(double[] out) {
        int blocks = blockRe.length;
        while (knownBlocks < frame + blocks) { // the frame's blocks: frame .. frame+B-1
            int k = knownBlocks++;
            load(k * hop, hop);
            fft.forward(buf, blockRe[k % blocks], blockIm[k % blocks]);
            if (k > 0) {
                cross(k - 1, blocks);
            }
        }
        double[] lastRe = blockRe[(frame + blocks - 1) % blocks];
        double[] lastIm = blockIm[(frame + blocks - 1) % blocks];
        for (int f = 0; f < re.length; f++) {
            re[f] = lastRe[f] * lastRe[f] + lastIm[f] * lastIm[f]; // A of the last block
            im[f] = 0;
        }
        for (int i = 0; i < blocks - 1; i++) {
            double[] cr = crossRe[(frame + i) % blocks];
            double[] ci = crossIm[(frame + i) % blocks];
            for (int f = 0; f < re.length; f++) {
                re[f] += cr[f];
                im[f] += ci[f];
            }
        }
        readLags(out);
    }

    /** The inverse transform of re/im; its first maxLag+1 values into out. */
    private void readLags(double[] out) {
        fft.inverse(re, im, buf);
        System.arraycopy(buf, 0, out, 0, maxLag + 1);
    }

    /** D_k's spectrum conj(X_k)·(X_k + shift·X_{k+1}), once both blocks are transformed. */
    private void cross(int k, int blocks) {
        double[] ar = blockRe[k % blocks];
        double[] ai = blockIm[k % blocks];
        double[] nr = blockRe[(k + 1) % blocks];
        double[] ni = blockIm[(k + 1) % blocks];
        double[] outRe = crossRe[k % blocks];
        double[] outIm = crossIm[k % blocks];
        for (int f = 0; f < ar.length; f++) {
            double yr = ar[f] + shiftRe[f] * nr[f] - shiftIm[f] * ni[f];
            double yi = ai[f] + shiftRe[f] * ni[f] + shiftIm[f] * nr[f];
            outRe[f] = ar[f] * yr + ai[f] * yi;
            outIm[f] = ar[f] * yi - ai[f] * yr;
        }
    }

    /** buf = x[start .. start+len) followed by zeros. */
    private void load(int start, int len) {
        Framing.readPadded(y, pad, start, len, buf);
        java.util.Arrays.fill(buf, len, buf.length, 0.0);
    }
}
