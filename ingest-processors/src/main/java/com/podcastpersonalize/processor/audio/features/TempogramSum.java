package com.podcastpersonalize.processor.audio.features;

/**
 * The sum over frames of {@link Tempogram}'s rows, Σ_t ac_t(ℓ) / max_ℓ |ac_t(ℓ)|, which is all the tempo
 * estimate needs, without a pair of FFTs per frame. Frame t is z_t(j) = x(t+j)·w(j), j &lt; N, of the padded
 * onset envelope x and the periodic Hann window w(j) = ½ - ½·cos θj, θ = 2π/N, and ac_t(ℓ) = Σ_{j&lt;N-ℓ}
 * z_t(j)·z_t(j+ℓ). Since w(j)·w(j+ℓ) = ¼ - ¼·(cos θj + cos θ(j+ℓ)) + ⅛·(cos θℓ + cos θ(2j+ℓ)), with
 * p(n) = x(n)·x(n+ℓ) and L = N - ℓ,
 * <pre>
 *   ac_t(ℓ) = ¼·S - ¼·(Re E₁ + Re(e^{iθℓ}·E₁)) + ⅛·(cos θℓ·S + Re(e^{iθℓ}·E₂)),
 *   S = Σ_{j&lt;L} p(t+j),  E_m = Σ_{j&lt;L} p(t+j)·e^{imθj}.
 * </pre>
 * These sums slide from one frame to the next in constant time per lag (the sliding DFT):
 * S' = S - p(t) + p(t+L) and E_m' = e^{-imθ}·(E_m - p(t) + p(t+L)·e^{-imθℓ}), about 30 operations per lag and
 * frame against two 1024-point FFTs. The same quantity, computed another way: results differ from
 * {@link Tempogram#compute} by rounding (each step rotates by a unit complex number, so errors grow only
 * linearly), and the sums are recomputed directly every {@value #RESTART} frames so that they cannot drift.
 * Not thread-safe: one per call.
 */
final class TempogramSum {

    static final int RESTART = 1024;

    private final int n;
    private final double[] cos1; // cos θk, sin θk for k < N
    private final double[] sin1;
    // per lag ℓ: the sliding sums, and e^{iθℓ}, e^{2iθℓ}
    private final double[] s;
    private final double[] e1r;
    private final double[] e1i;
    private final double[] e2r;
    private final double[] e2i;
    private final double[] cosL;
    private final double[] sinL;
    private final double[] cos2L;
    private final double[] sin2L;
    private final double[] ac;
    // samples copied out to index ℓ for the restart and the slide (see there): x(t+j+ℓ), or x(t+ℓ) and x(t+N-ℓ)
    private final double[] head;
    private final double[] tail;

    TempogramSum(int winLength) {
        this.n = winLength;
        this.cos1 = new double[n];
        this.sin1 = new double[n];
        for (int k = 0; k < n; k++) {
            cos1[k] = Math.cos(2 * Math.PI * k / n);
            sin1[k] = Math.sin(2 * Math.PI * k / n);
        }
        this.s = new double[n];
        this.e1r = new double[n];
        this.e1i = new double[n];
        this.e2r = new double[n];
        this.e2i = new double[n];
        this.cosL = new double[n];
        this.sinL = new double[n];
        this.cos2L = new double[n];
        this.sin2L = new double[n];
        for (int l = 0; l < n; l++) {
            cosL[l] = cos1[l];
            sinL[l] = sin1[l];
            cos2L[l] = cos1[2 * l % n];
            sin2L[l] = sin1[2 * l % n];
        }
        this.ac = new double[n];
        this.head = new double[n];
        this.tail = new double[n];
    }

    /** Adds the normalised tempogram rows of {@code onsetEnvelope} to {@code sum} (length N); returns the number of rows. */
    int add(double[] onsetEnvelope, double[] sum) {
        int frames = onsetEnvelope.length;
        double[] x = Tempogram.padded(onsetEnvelope, n);
        // x read backwards, so that x(t+N-ℓ) runs forwards with ℓ
        double[] reversed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = x[x.length - 1 - i];
        }
        double c1 = cos1[1 % n];
        double s1 = sin1[1 % n];
        double c2 = cos1[2 % n];
        double s2 = sin1[2 % n];
        for (int t = 0; t < frames; t++) {
            if (t % RESTART == 0) {
                restart(x, t);
            }
            rowInto(sum);
            if (t + 1 < frames) {
                slide(x, reversed, t, c1, s1, c2, s2);
            }
        }
        return frames;
    }

    /**
     * The sums of frame t, directly. The loops run over j outside and ℓ inside, so that each lag's sums still add
     * their terms in the order of j (the same values as a loop over j per lag), while the inner loop carries no
     * dependency from one lag to the next and the index 2j mod N is taken once per j. The inner loop reads the samples
     * x(t+j+ℓ) from a copy at index ℓ: reading x at an offset, it could not be told apart from the sums it writes
     * (they might be the same array, for all the JIT knows), and the JIT would not vectorize it.
     */
    private void restart(double[] x, int t) {
        java.util.Arrays.fill(s, 0.0);
        java.util.Arrays.fill(e1r, 0.0);
        java.util.Arrays.fill(e1i, 0.0);
        java.util.Arrays.fill(e2r, 0.0);
        java.util.Arrays.fill(e2i, 0.0);
        for (int j = 0; j < n; j++) {
            double xj = x[t + j];
            double c1 = cos1[j];
            double s1 = sin1[j];
            int j2 = 2 * j % n;
            double c2 = cos1[j2];
            double s2 = sin1[j2];
            int lags = n - j; // the lags with j < N - ℓ
            System.arraycopy(x, t + j, head, 0, lags);
            for (int l = 0; l < lags; l++) {
                double p = xj * head[l];
                s[l] += p;
                e1r[l] += p * c1;
                e1i[l] += p * s1;
                e2r[l] += p * c2;
                e2i[l] += p * s2;
            }
        }
    }

    /** ac(ℓ) of the current frame from its sums, normalised by its largest magnitude and added to {@code sum}. */
    private void rowInto(double[] sum) {
        double max = 0;
        for (int l = 0; l < n; l++) {
            double rotated1 = cosL[l] * e1r[l] - sinL[l] * e1i[l];
            double rotated2 = cosL[l] * e2r[l] - sinL[l] * e2i[l];
            double v = 0.25 * s[l] - 0.25 * (e1r[l] + rotated1) + 0.125 * (cosL[l] * s[l] + rotated2);
            ac[l] = v;
            max = Math.max(max, Math.abs(v));
        }
        double div = Norms.safeDivisor(max);
        for (int l = 0; l < n; l++) {
            sum[l] += ac[l] / div;
        }
    }

    /**
     * From frame t's sums to frame t+1's. Written for the JIT's vectorizer (C2's SuperWord), the same arithmetic as
     * one loop over the lags: the samples are copied out to index ℓ first (read at an offset, they might alias the
     * sums for all the JIT knows), and there are three loops, one per sum, because C2 unrolls, and so vectorizes,
     * only loops with a small body (LoopUnrollLimit), which the single loop was not.
     */
    private void slide(double[] x, double[] reversed, int t, double c1, double s1, double c2, double s2) {
        double first = x[t];
        double last = x[t + n]; // p(t+L) = x(t+N-ℓ)·x(t+N)
        int back = x.length - 1 - t - n; // reversed[back + ℓ] = x(t+N-ℓ)
        System.arraycopy(x, t, head, 0, n);
        System.arraycopy(reversed, back, tail, 0, n);
        for (int l = 0; l < n; l++) {
            double pOld = first * head[l];
            double pNew = tail[l] * last;
            s[l] += pNew - pOld;
        }
        for (int l = 0; l < n; l++) {
            double pOld = first * head[l];
            double pNew = tail[l] * last;
            double ar = e1r[l] - pOld + pNew * cosL[l];
            double ai = e1i[l] - pNew * sinL[l];
            e1r[l] = ar * c1 + ai * s1;
            e1i[l] = ai * c1 - ar * s1;
        }
        for (int l = 0; l < n; l++) {
            double pOld = first * head[l];
            double pNew = tail[l] * last;
            double br = e2r[l] - pOld + pNew * cos2L[l];
            double bi = e2i[l] - pNew * sin2L[l];
            e2r[l] = br * c2 + bi * s2;
            e2i[l] = bi * c2 - br * s2;
        }
    }
}
