package com.podcastpersonalize.processor.audio.decode;

/** Test helper: decodes a whole (small) input to mono floats. */
final class Decoded {

    private Decoded() {}

    static float[] all(AudioInput input, DecodeLimits limits) throws AudioDecodeException {
        try (AudioSource src = AudioDecoders.open(input, limits)) {
            return readAll(src);
        }
    }

    static float[] all(byte[] bytes, String name) throws AudioDecodeException {
        return all(AudioInput.of(bytes, name), DecodeLimits.DEFAULT);
    }

    static float[] readAll(AudioSource src) throws AudioDecodeException {
        float[] buf = new float[1 << 16];
        int pos = 0;
        while (true) {
            if (pos == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int n = src.read(buf, pos, buf.length - pos);
            if (n < 0) {
                return java.util.Arrays.copyOf(buf, pos);
            }
            pos += n;
        }
    }

    /** Reads until {@code out} is full or the source ends; returns the frames read. */
    static int readAllInto(AudioSource src, float[] out) throws AudioDecodeException {
        int pos = 0;
        while (pos < out.length) {
            int n = src.read(out, pos, out.length - pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        return pos;
    }

    /** Signal-to-noise ratio of {@code test} against {@code ref} over their common length, dB. */
    static double snrDb(float[] ref, float[] test, int lag) {
        double sig = 0;
        double err = 0;
        for (int i = Math.max(0, -lag); i < ref.length && i + lag < test.length; i++) {
            sig += (double) ref[i] * ref[i];
            double d = ref[i] - test[i + lag];
            err += d * d;
        }
        return 10 * Math.log10(sig / Math.max(err, 1e-30));
    }

    /** The lag (test index - ref index) in [-max, max] that maximises the cross-correlation. */
    static int bestLag(float[] ref, float[] test, int max) {
        int best = 0;
        double bestC = Double.NEGATIVE_INFINITY;
        for (int lag = -max; lag <= max; lag++) {
            double c = 0;
            for (int i = Math.max(0, -lag); i < ref.length && i + lag < test.length; i += 2) {
                c += (double) ref[i] * test[i + lag];
            }
            if (c > bestC) {
                bestC = c;
                best = lag;
            }
        }
        return best;
    }
}
