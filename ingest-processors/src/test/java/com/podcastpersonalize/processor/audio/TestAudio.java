package com.podcastpersonalize.processor.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Synthetic signals and a WAV writer for the tests. */
public final class TestAudio {

    private TestAudio() {}

    public static float[] sine(double hz, double seconds, int sr, double amplitude) {
        float[] y = new float[(int) Math.round(seconds * sr)];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sr));
        }
        return y;
    }

    /** Clicks (10 ms decaying 1 kHz blips) every 60/bpm seconds. */
    public static float[] clicks(double bpm, double seconds, int sr) {
        float[] y = new float[(int) Math.round(seconds * sr)];
        double period = 60.0 / bpm * sr;
        for (double start = 0; start < y.length; start += period) {
            int s = (int) Math.round(start);
            for (int i = 0; i < sr / 100 && s + i < y.length; i++) {
                y[s + i] += (float) (0.8 * Math.exp(-i / (sr * 0.002)) * Math.sin(2 * Math.PI * 1000 * i / sr));
            }
        }
        return y;
    }

    public static float[] whiteNoise(double seconds, int sr, long seed) {
        Random r = new Random(seed);
        float[] y = new float[(int) Math.round(seconds * sr)];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.25 * r.nextGaussian());
        }
        return y;
    }

    public static byte[] resource(String path) {
        try (InputStream in = TestAudio.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("test resource missing: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A WAV file of {@code channels} channels, each carrying {@code y} (so the mono downmix is {@code y}
     * itself, up to quantisation). Encoding: PCM at 8/16/24/32 bits, or IEEE float at 32/64 when {@code flt}.
     */
    public static byte[] wav(float[] y, int sr, int channels, int bits, boolean flt) {
        int width = bits / 8;
        int dataBytes = y.length * channels * width;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) (flt ? 3 : 1)).putShort((short) channels).putInt(sr)
            .putInt(sr * channels * width).putShort((short) (channels * width)).putShort((short) bits);
        b.put("data".getBytes()).putInt(dataBytes);
        for (float v : y) {
            for (int c = 0; c < channels; c++) {
                double x = Math.max(-1, Math.min(1, v));
                if (flt && bits == 32) {
                    b.putFloat((float) x);
                } else if (flt) {
                    b.putDouble(x);
                } else {
                    switch (bits) {
                        case 8 -> b.put((byte) (Math.max(0, Math.min(255, Math.round(x * 128) + 128))));
                        case 16 -> b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(x * 32768))));
                        case 24 -> {
                            int s = (int) Math.max(-8388608, Math.min(8388607, Math.round(x * 8388608)));
                            b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                        }
                        default -> b.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(x * 2147483648.0))));
                    }
                }
            }
        }
        return b.array();
    }

    public static byte[] wav16(float[] y, int sr) {
        return wav(y, sr, 1, 16, false);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
