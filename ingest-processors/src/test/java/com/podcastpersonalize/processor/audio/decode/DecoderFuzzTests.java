package com.podcastpersonalize.processor.audio.decode;

import com.podcastpersonalize.processor.audio.TestAudio;
import org.opensearch.test.OpenSearchTestCase;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Feeds the decoders 2,000 random and mutated inputs (seeded by the test's random, so a failure replays with
 * -Dtests.seed): each must either decode or fail with an {@link AudioDecodeException}, never with any other
 * exception or error, and must not allocate more than {@value #MAX_ALLOCATED_BYTES} bytes (the seeds are a
 * second long: a decoder that sizes buffers from corrupt header fields would blow through that).
 */
public class DecoderFuzzTests extends OpenSearchTestCase {

    private static final int INPUTS = 2000;
    private static final long MAX_ALLOCATED_BYTES = 256L << 20;
    private static final DecodeLimits LIMITS = DecodeLimits.DEFAULT.withMaxDurationSeconds(120);
    private static final String[] SEEDS = {
        "seed_mono22k.wav", "seed_mono22k.mp3", "seed_mono22k.flac", "seed_mono22k.ogg",
        "seed_stereo44k.wav", "seed_stereo44k.mp3", "seed_stereo44k.flac", "seed_stereo44k.ogg"};
    private static final byte[][] MAGICS = {
        "RIFF\u0000\u0000\u0000\u0000WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "fLaC".getBytes(),
        "OggS".getBytes(), "ID3".getBytes(), {(byte) 0xff, (byte) 0xfb, (byte) 0x90, 0x64}, {(byte) 0xff, (byte) 0xf3, (byte) 0xc0, (byte) 0xc4}};

    public void testDecodersOnlyEverThrowAudioDecodeException() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String s : SEEDS) {
            seeds.add(TestAudio.resource("/audio/" + s));
        }
        seeds.add(TestAudio.wav(TestAudio.sine(300, 0.3, 11025, 0.5), 11025, 3, 24, false));
        seeds.add(TestAudio.wav(TestAudio.sine(300, 0.3, 11025, 0.5), 11025, 2, 64, true));
        Random r = random();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int decoded = 0;
        int rejected = 0;
        long slowestNanos = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = r.nextInt(4) == 0 ? randomBytes(r) : mutate(seeds.get(r.nextInt(seeds.size())), r);
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            try {
                Decoded.all(AudioInput.of(input, "fuzz-" + i), LIMITS);
                decoded++;
            } catch (AudioDecodeException e) {
                assertNotNull(e.getMessage());
                assertTrue("message names the input: " + e.getMessage(), e.getMessage().startsWith("fuzz-" + i + ":"));
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError("input " + i + " (" + input.length + " bytes, starts " + hex(input) + ") threw " + t, t);
            }
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            if (allocated > MAX_ALLOCATED_BYTES && System.getProperty("fuzz.dump") != null) {
                java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("fuzz.dump")), input);
            }
            assertTrue("input " + i + " (" + input.length + " bytes, starts " + hex(input) + ") allocated " + allocated + " bytes",
                allocated <= MAX_ALLOCATED_BYTES);
        }
        System.out.println("FUZZ " + INPUTS + " inputs: " + decoded + " decoded, " + rejected + " rejected with AudioDecodeException, slowest "
            + slowestNanos / 1_000_000 + " ms");
        assertEquals(INPUTS, decoded + rejected);
        assertTrue("the mutations should leave some inputs decodable", decoded > 0);
        assertTrue("and break others", rejected > INPUTS / 10);
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(8192)];
        r.nextBytes(b);
        if (r.nextBoolean() && b.length > 16) {
            byte[] magic = MAGICS[r.nextInt(MAGICS.length)];
            System.arraycopy(magic, 0, b, 0, magic.length);
        }
        return b;
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // flip a few bits, mostly in the header
                for (int k = 1 + r.nextInt(8); k > 0; k--) {
                    int pos = r.nextBoolean() ? r.nextInt(Math.min(b.length, 256)) : r.nextInt(b.length);
                    b[pos] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> { // overwrite a run with random bytes
                int pos = r.nextInt(b.length);
                int len = Math.min(b.length - pos, 1 + r.nextInt(64));
                byte[] noise = new byte[len];
                r.nextBytes(noise);
                System.arraycopy(noise, 0, b, pos, len);
            }
            case 2 -> { // write an extreme 32-bit value (a length, rate, count) somewhere in the first 512 bytes
                int pos = r.nextInt(Math.max(1, Math.min(b.length, 512) - 4));
                int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1, 0x10000, 10_000_000};
                int v = extremes[r.nextInt(extremes.length)];
                for (int k = 0; k < 4 && pos + k < b.length; k++) {
                    b[pos + k] = (byte) (v >> (8 * k));
                }
            }
            case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncate
            case 4 -> { // duplicate a slice (repeated frames, pages, chunks)
                int from = r.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + r.nextInt(2048));
                byte[] out = new byte[b.length + len];
                int at = r.nextInt(b.length);
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, from, out, at, len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                b = out;
            }
            default -> { // zero a run
                int pos = r.nextInt(b.length);
                Arrays.fill(b, pos, Math.min(b.length, pos + 1 + r.nextInt(512)), (byte) 0);
            }
        }
        return b;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(16, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
