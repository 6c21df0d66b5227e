package com.podcastpersonalize.processor.audio.features;

/** {@code numpy.linspace(start, stop, num)} with numpy's arithmetic (start + i·step, last value exactly stop). */
final class Linspace {

    private Linspace() {}

    static double[] of(double start, double stop, int num) {
        double[] out = new double[num];
        if (num == 1) {
            out[0] = start;
            return out;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            out[i] = start + i * step;
        }
        out[num - 1] = stop;
        return out;
    }
}
