package com.podcastpersonalize.processor.audio.features;

import org.opensearch.test.OpenSearchTestCase;

import java.util.Arrays;

/** Reading a span of the zero-padded signal in place gives the span of the padded copy. */
public class FramingTests extends OpenSearchTestCase {

    public void testReadPaddedEqualsTheSpanOfThePaddedCopy() {
        for (int trial = 0; trial < 300; trial++) {
            float[] y = new float[between(0, 50)];
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) randomDoubleBetween(-1, 1, true);
            }
            int pad = between(0, 20);
            double[] padded = Framing.pad(y, pad, Framing.Pad.CONSTANT);
            int start = between(0, padded.length + 5);
            int len = between(0, 40);
            double[] dst = new double[len + 3];
            Arrays.fill(dst, Double.NaN); // stale values must be overwritten, and nothing past len touched
            Framing.readPadded(y, pad, start, len, dst);
            double[] expected = new double[len];
            for (int i = 0; i < len; i++) {
                expected[i] = start + i < padded.length ? padded[start + i] : 0.0;
            }
            assertArrayEquals("y " + y.length + " pad " + pad + " start " + start + " len " + len, expected, Arrays.copyOf(dst, len), 0.0);
            for (int i = len; i < dst.length; i++) {
                assertTrue(Double.isNaN(dst[i]));
            }
        }
    }
}
