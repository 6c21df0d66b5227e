package com.podcastpersonalize.processor.audio.decode;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc kernel in polyphase form (Smith's bandlimited
 * interpolation), streaming: feed input blocks, collect output blocks, state carries across calls.
 *
 * <p>Design: the ratio is reduced to L/M (output/input). Output n sits at input time n·M/L; its value is the
 * dot product of the input around that time with the kernel h(x) = fc·sinc(fc·x)·kaiser(x / half-width),
 * where fc = min(1, L/M)·{@value #ROLLOFF} (cut-off relative to the input Nyquist, so downsampling also
 * low-passes) and the half-width is {@value #ZERO_CROSSINGS} zero crossings of the sinc. Kaiser β =
 * {@value #KAISER_BETA} gives about 80 dB stop-band rejection. When L ≤ {@value #MAX_EXACT_PHASES} every phase
 * is tabulated exactly; otherwise {@value #MAX_EXACT_PHASES} phases are tabulated and neighbours interpolated
 * linearly. Output is aligned with the input (no delay): output 0 is input time 0, samples before the start
 * and after the end count as zeros, and {@code ceil(inputFrames·L/M)} frames come out (as soxr does for
 * librosa). Tables are cached and shared: instances are cheap; an instance itself is not thread-safe.
 */
public final class SincResampler {

    static final double ROLLOFF = 0.945;
    static final int ZERO_CROSSINGS = 16;
    static final double KAISER_BETA = 8.0;
    static final int MAX_EXACT_PHASES = 4096;

    private record Kernel(int phases, int halfTaps, float[][] table) {}

    private static final ConcurrentHashMap<Long, Kernel> KERNELS = new ConcurrentHashMap<>();

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LogManager.getLogger(SincResampler.class);
    /**
     * Whether decimation by 2 (44.1 → 22.05 kHz) runs on the Vector API ({@link LaneDecimation}): decided once per JVM, like the
     * analysis kernels' choice, by the boot layer holding the {@value #VECTOR_MODULE} module (OpenSearch starts its
     * node with it) and the CPU having vectors of at least 8 floats; otherwise the scalar double loops run.
     */
    static final boolean LANES = lanesUsable(ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent());

    private final long up;
    private final long down;
    private final Kernel kernel;
    // integer decimation (L = 1): outputs computed a block at a time (see Decimator); null otherwise
    private final Decimator decimator;
    // input history: buf[0] is the input sample with absolute index bufStart (negative = the zeros before the start)
    private float[] buf;
    private int bufLen;
    private long bufStart;
    private long inputCount;
    private long nextOut;

    /**
     * {@code blockwise} false: every output by its own dot product (the reference the block path is tested
     * against); {@code lanes}: decimation by 2 on the Vector API (only when {@link #LANES}), else in scalar loops.
     */
    SincResampler(int inRate, int outRate, boolean blockwise, boolean lanes) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " -> " + outRate);
        }
        long g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        this.kernel = KERNELS.computeIfAbsent(up << 32 | down, k -> buildKernel(up, down));
        this.buf = new float[4096 + 2 * kernel.halfTaps];
        this.decimator = up == 1 && blockwise ? new Decimator(kernel.table[0], kernel.halfTaps, (int) down, lanes && LANES) : null;
        reset();
    }

    SincResampler(int inRate, int outRate, boolean blockwise) {
        this(inRate, outRate, blockwise, LANES);
    }

    public SincResampler(int inRate, int outRate) {
        this(inRate, outRate, true, LANES);
    }

    /** Whether the Vector API decimation can run in a JVM with or without the module. */
    static boolean lanesUsable(boolean modulePresent) {
        if (!modulePresent) {
            LOG.info("audio resampling: module {} not loaded, decimation runs in scalar loops", VECTOR_MODULE);
            return false;
        }
        try {
            // below 8 floats (256 bits) the API would run its slow Java fallback or gain nothing over the scalar loops
            int lanes = LaneDecimation.lanes();
            if (lanes < 8) {
                LOG.info("audio resampling: {} float lanes only, decimation runs in scalar loops", lanes);
                return false;
            }
            LOG.info("audio resampling: decimation on the Vector API ({} float lanes)", lanes);
            return true;
        } catch (LinkageError | RuntimeException e) { // a module present but unusable: the scalar loops give the same filter
            LOG.warn("audio resampling: the Vector API is unusable, decimation runs in scalar loops", e);
            return false;
        }
    }

    /** Forgets all input, as if starting afresh (used after a seek). */
    public void reset() {
        bufLen = kernel.halfTaps; // zeros standing for the signal before time 0
        java.util.Arrays.fill(buf, 0, bufLen, 0f);
        bufStart = -kernel.halfTaps;
        inputCount = 0;
        nextOut = 0;
    }

    /** Output frames that {@code inputFrames} input frames produce in total. */
    public long outputLength(long inputFrames) {
        return ceilDiv(inputFrames * up, down);
    }

    /** Input frames still to feed before {@code outFrames} more output frames can be drained. */
    public int inputNeededFor(int outFrames) {
        long lastOut = nextOut + outFrames - 1;
        long lastInput = Math.floorDiv(lastOut * down, up) + kernel.halfTaps;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, lastInput + 1 - (bufStart + bufLen)));
    }

    /** Appends input; output becomes available through {@link #drain}. */
    public void feed(float[] in, int off, int len) {
        ensureCapacity(bufLen + len);
        System.arraycopy(in, off, buf, bufLen, len);
        bufLen += len;
        inputCount += len;
    }

    /**
     * Appends up to {@code len} frames read from {@code source} straight into the input history (no copy through
     * a buffer of the caller's); returns the frames read, or -1 at the end of the source.
     */
    int feed(AudioSource source, int len) throws AudioDecodeException {
        ensureCapacity(bufLen + len);
        int got = source.read(buf, bufLen, len);
        if (got > 0) {
            bufLen += got;
            inputCount += got;
        }
        return got;
    }

    /**
     * Writes up to {@code len} output frames computable from the input so far into {@code out}; with
     * {@code endOfInput}, the signal is taken to be zero after the last input frame and output runs to
     * {@link #outputLength}. Returns the number of frames written.
     */
    public int drain(float[] out, int off, int len, boolean endOfInput) {
        int half = kernel.halfTaps;
        long limit = endOfInput ? outputLength(inputCount) : Long.MAX_VALUE;
        int written = 0;
        if (decimator != null) {
            written = decimator.drain(this, out, off, (int) Math.min(len, limit - nextOut));
        }
        while (written < len && nextOut < limit) {
            long num = nextOut * down;
            long i = Math.floorDiv(num, up);
            long r = num - i * up;
            long lastNeeded = i + half;
            if (lastNeeded >= bufStart + bufLen && !endOfInput) {
                break;
            }
            out[off + written++] = (float) dot((int) (i - half + 1 - bufStart), r);
            nextOut++;
        }
        compact();
        return written;
    }

    private double dot(int start, long r) {
        int taps = 2 * kernel.halfTaps;
        float[][] table = kernel.table;
        if (kernel.phases == up) {
            float[] h = table[(int) r];
            if (start + taps <= bufLen) {
                return dotInside(buf, start, h, taps);
            }
            double acc = 0;
            for (int k = 0; k < taps; k++) {
                acc += sampleAt(start + k) * h[k];
            }
            return acc;
        }
        double pos = (double) r * kernel.phases / up;
        int p = (int) pos;
        double w = pos - p;
        float[] h0 = table[p];
        float[] h1 = table[p + 1];
        double acc = 0;
        for (int k = 0; k < taps; k++) {
            acc += sampleAt(start + k) * (h0[k] + w * (h1[k] - h0[k]));
        }
        return acc;
    }

    /**
     * Σ x[start+k]·h[k] with every sample inside the buffer (all outputs but the last few of a stream): no bounds
     * test per tap, and four partial sums so that the additions do not wait on each other.
     */
    private static double dotInside(float[] x, int start, float[] h, int taps) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        int k = 0;
        for (; k + 3 < taps; k += 4) {
            a0 += x[start + k] * h[k];
            a1 += x[start + k + 1] * h[k + 1];
            a2 += x[start + k + 2] * h[k + 2];
            a3 += x[start + k + 3] * h[k + 3];
        }
        for (; k < taps; k++) {
            a0 += x[start + k] * h[k];
        }
        return (a0 + a1) + (a2 + a3);
    }

    private float sampleAt(int idx) {
        return idx < bufLen ? buf[idx] : 0f; // past the end of the input: zeros (only reached at end of input)
    }

    /** Drops history no future output needs. */
    private void compact() {
        long num = nextOut * down;
        long firstNeeded = Math.floorDiv(num, up) - kernel.halfTaps + 1;
        int drop = (int) Math.max(0, Math.min(bufLen, firstNeeded - bufStart));
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
        }
    }

    private void ensureCapacity(int n) {
        if (n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
    }

    /**
     * Integer decimation by M (44.1 kHz → 22.05 kHz is M = 2), a block of outputs at a time, for the outputs whose
     * taps all lie in the buffer. With L = 1 every output uses the one phase-0 kernel, centred on input n·M and
     * symmetric about it (its last tap, at the window's edge, is zero): out[n] = h₀·x[nM] + Σ_d h_d·(x[nM+d] +
     * x[nM-d]), half the multiplications of the plain dot product. The input is split into its M phases
     * (x[mM + j]) so that, for each d, the block's outputs read consecutive samples, which vector instructions
     * can load. Two ways to sum, both within float rounding of {@link #dot} (the same kernel, so the same filter):
     * for M = 2 on the Vector API ({@link LaneDecimation}: in float, each output in a lane of its own, about twice
     * as fast); otherwise (other factors, or a JVM without the module) scalar loops in double that the JIT
     * vectorizes over outputs.
     */
    private static final class Decimator {
        private static final int BLOCK = 1024;
        private final int factor;
        private final int half; // taps each side of the centre (the kernel's half-width - 1)
        private final boolean lanes;
        private final double[] coef; // coef[d] = h_d
        private final float[] floatCoef; // the same, as the kernel table holds them (float)
        // phases[j][m] = x[mM + j] of the block's input; float like the input (and unlike acc, so that the JIT
        // knows the arrays read cannot be the array written, and vectorizes the loop over outputs)
        private final float[][] phases;
        private final double[] acc = new double[BLOCK];

        Decimator(float[] kernel, int halfTaps, int factor, boolean lanes) {
            this.factor = factor;
            this.half = halfTaps - 1;
            this.lanes = lanes && factor == 2 && half % 2 == 1; // the lanes halve the rate (the kernel has 33 taps each side)
            this.coef = new double[half + 1];
            this.floatCoef = new float[half + 1];
            for (int d = 0; d <= half; d++) {
                coef[d] = kernel[half + d];
                floatCoef[d] = kernel[half + d];
                if (kernel[half + d] != kernel[half - d]) {
                    throw new IllegalStateException("decimation kernel is not symmetric at tap " + d);
                }
            }
            this.phases = new float[factor][BLOCK + 2 * half / factor + 2];
        }

        /** Computes up to {@code len} outputs whose taps are all in the resampler's buffer; returns how many. */
        int drain(SincResampler r, float[] out, int off, int len) {
            int written = 0;
            while (written < len) {
                long centre = r.nextOut * factor - r.bufStart; // buffer index of the next output's centre
                long first = centre - half;
                int fit = (int) Math.max(0, Math.min(BLOCK, Math.floorDiv(r.bufLen - 1 - half - centre, factor) + 1));
                int n = Math.min(fit, len - written);
                if (n <= 0 || first < 0) {
                    break;
                }
                block(r.buf, (int) first, n, out, off + written);
                r.nextOut += n;
                written += n;
            }
            return written;
        }

        // outputs 0..n-1 centred on buf[first + half + i·M]
        private void block(float[] buf, int first, int n, float[] out, int off) {
            int span = (n - 1) * factor + 2 * half + 1;
            if (lanes) {
                LaneDecimation.splitInTwo(buf, first, span, phases[0], phases[1]);
                LaneDecimation.halve(phases[0], phases[1], floatCoef, n, out, off);
                return;
            }
            for (int j = 0; j < factor; j++) {
                float[] phase = phases[j];
                for (int m = 0, v = j; v < span; m++, v += factor) {
                    phase[m] = buf[first + v];
                }
            }
            // centre tap: offset v = half from the first sample
            float[] centre = phases[half % factor];
            int cq = half / factor;
            double h0 = coef[0];
            for (int i = 0; i < n; i++) {
                acc[i] = h0 * centre[i + cq];
            }
            for (int d = 1; d <= half; d++) {
                float[] above = phases[(half + d) % factor];
                float[] below = phases[(half - d) % factor];
                int qa = (half + d) / factor;
                int qb = (half - d) / factor;
                double h = coef[d];
                for (int i = 0; i < n; i++) {
                    acc[i] += h * ((double) above[i + qa] + below[i + qb]);
                }
            }
            for (int i = 0; i < n; i++) {
                out[off + i] = (float) acc[i];
            }
        }
    }

    private static Kernel buildKernel(long up, long down) {
        double cutoff = Math.min(1.0, (double) up / down) * ROLLOFF;
        int halfTaps = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        int phases = (int) Math.min(up, MAX_EXACT_PHASES);
        double halfWidth = halfTaps;
        float[][] table = new float[phases + 1][2 * halfTaps];
        double i0Beta = besselI0(KAISER_BETA);
        for (int p = 0; p <= phases; p++) {
            double frac = (double) p / phases;
            for (int k = 0; k < 2 * halfTaps; k++) {
                // tap k multiplies input (i - halfTaps + 1 + k); its distance from the output time i + frac:
                double x = (k - halfTaps + 1) - frac;
                double window = Math.abs(x) >= halfWidth ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - (x / halfWidth) * (x / halfWidth))) / i0Beta;
                table[p][k] = (float) (cutoff * sinc(cutoff * x) * window);
            }
        }
        return new Kernel(phases, halfTaps, table);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for β ≤ 20). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200 && term > sum * 1e-17; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
