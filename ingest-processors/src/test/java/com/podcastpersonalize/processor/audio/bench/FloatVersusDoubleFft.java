package com.podcastpersonalize.processor.audio.bench;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.FloatFFT_1D;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Offline tool (not a test): JTransforms' {@code FloatFFT_1D} against {@code DoubleFFT_1D} on the transforms the
 * analysis runs (the STFT's 2048-point real forward, YIN's 1024-point real forwards and inverses), in one JVM,
 * alternating float and double repetition by repetition so both see the same machine load. Each timed call copies
 * a frame of noise into the work array first (the analysis fills it from the signal too), then transforms it.
 * Prints µs per transform: the fastest repetition and the median. Usage:
 * {@code FloatVersusDoubleFft [REPETITIONS] [TRANSFORMS_PER_REPETITION]} (default 9 × 20000); see
 * docs/audio-features.md (Round 6).
 */
public final class FloatVersusDoubleFft {

    private static double sink;

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.out.println("| transform | double µs (best / median) | float µs (best / median) | double ÷ float (best) |");
        System.out.println("|---|---|---|---|");
        compare("2048-point real forward (STFT)", 2048, false, reps, calls);
        compare("1024-point real forward (YIN blocks)", 1024, false, reps, calls);
        compare("1024-point real inverse (YIN frames)", 1024, true, reps, calls);
        System.out.println("(sink " + sink + ")");
    }

    private static void compare(String name, int n, boolean inverse, int reps, int calls) {
        Random random = new Random(42);
        double[] inputD = new double[n];
        float[] inputF = new float[n];
        for (int i = 0; i < n; i++) {
            inputD[i] = random.nextGaussian();
            inputF[i] = (float) inputD[i];
        }
        DoubleFFT_1D fftD = new DoubleFFT_1D(n);
        FloatFFT_1D fftF = new FloatFFT_1D(n);
        double[] workD = new double[n];
        float[] workF = new float[n];
        // warm-up so both are compiled by C2 before the first timed repetition
        timeDouble(fftD, inputD, workD, inverse, calls);
        timeFloat(fftF, inputF, workF, inverse, calls);
        double[] d = new double[reps];
        double[] f = new double[reps];
        for (int r = 0; r < reps; r++) {
            d[r] = timeDouble(fftD, inputD, workD, inverse, calls);
            f[r] = timeFloat(fftF, inputF, workF, inverse, calls);
        }
        Arrays.sort(d);
        Arrays.sort(f);
        System.out.println(String.format(Locale.ROOT, "| %s | %.2f / %.2f | %.2f / %.2f | %.2f |",
            name, d[0], d[reps / 2], f[0], f[reps / 2], d[0] / f[0]));
    }

    private static double timeDouble(DoubleFFT_1D fft, double[] input, double[] work, boolean inverse, int calls) {
        return time(i -> {
            System.arraycopy(input, 0, work, 0, work.length);
            if (inverse) {
                fft.realInverse(work, true);
            } else {
                fft.realForward(work);
            }
            return work[i & (work.length - 1)];
        }, calls);
    }

    private static double timeFloat(FloatFFT_1D fft, float[] input, float[] work, boolean inverse, int calls) {
        return time(i -> {
            System.arraycopy(input, 0, work, 0, work.length);
            if (inverse) {
                fft.realInverse(work, true);
            } else {
                fft.realForward(work);
            }
            return work[i & (work.length - 1)];
        }, calls);
    }

    /** µs per call of {@code call}; what the calls return is kept so that the JIT cannot drop the work. */
    private static double time(java.util.function.IntToDoubleFunction call, int calls) {
        long start = System.nanoTime();
        double acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += call.applyAsDouble(i);
        }
        long elapsed = System.nanoTime() - start;
        sink += acc;
        return elapsed / 1000.0 / calls;
    }
}
