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

    /** The sums of frame t, directly. */
    private void restart(double[] x, int t) {
        for (int l = 0; l < n; l++) {
            double sv = 0;
            double ar = 0;
            double ai = 0;
            double br = 0;
            double bi = 0;
            for (int j = 0; j < n - l; j++) {
                double p = x[t + j] * x[t + j + l];
                int j2 = 2 * j % n;
                sv += p;
                ar += p * cos1[j];
                ai += p * sin1[j];
                br += p * cos1[j2];
                bi += p * sin1[j2];
            }
            s[l] = sv;
            e1r[l] = ar;
            e1i[l] = ai;
            e2r[l] = br;
            e2i[l] = bi;
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

    /** From frame t's sums to frame t+1's. */
    private void slide(double[] x, double[] reversed, int t, double c1, double s1, double c2, double s2) {
        double first = x[t];
        double last = x[t + n]; // p(t+L) = x(t+N-ℓ)·x(t+N)
        int back = x.length - 1 - t - n; // reversed[back + ℓ] = x(t+N-ℓ)
        for (int l = 0; l < n; l++) {
            double pOld = first * x[t + l];
            double pNew = reversed[back + l] * last;
            s[l] += pNew - pOld;
            double ar = e1r[l] - pOld + pNew * cosL[l];
            double ai = e1i[l] - pNew * sinL[l];
            e1r[l] = ar * c1 + ai * s1;
            e1i[l] = ai * c1 - ar * s1;
            double br = e2r[l] - pOld + pNew * cos2L[l];
            double bi = e2i[l] - pNew * sin2L[l];
            e2r[l] = br * c2 + bi * s2;
            e2i[l] = bi * c2 - br * s2;
        }
    }
}
