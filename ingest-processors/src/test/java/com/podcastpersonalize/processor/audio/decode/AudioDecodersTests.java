package com.podcastpersonalize.processor.audio.decode;

import com.podcastpersonalize.processor.audio.AudioReference;
import com.podcastpersonalize.processor.audio.TestAudio;
import org.opensearch.test.OpenSearchTestCase;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Every format decodes to the same signal; broken and hostile inputs fail with a message naming the problem. */
public class AudioDecodersTests extends OpenSearchTestCase {

    private static float[] speechReference() {
        return AudioReference.generated("speech10s.y.npy").asFloats();
    }

    private static float[] speech(String ext) throws Exception {
        return Decoded.all(AudioReference.resource("speech-input/speech10s." + ext), "speech10s." + ext);
    }

    public void testWavAndFlacDecodeExactlyAsLibrosa() throws Exception {
        float[] ref = speechReference();
        for (String ext : new String[] {"wav", "flac"}) {
            float[] y = speech(ext);
            assertEquals(ext, ref.length, y.length);
            for (int i = 0; i < ref.length; i++) {
                if (ref[i] != y[i]) {
                    fail(ext + ": sample " + i + " is " + y[i] + ", librosa " + ref[i]);
                }
            }
        }
    }

    public void testMp3IsGaplessAndCloseToTheSource() throws Exception {
        float[] ref = speechReference();
        float[] y = speech("mp3");
        // the LAME tag's encoder delay (576) + decoder delay (529) and padding are removed, as libsndfile/mpg123 do
        assertEquals(ref.length, y.length);
        assertEquals("no offset after the gapless trim", 0, Decoded.bestLag(ref, y, 1200));
        double snr = Decoded.snrDb(ref, y, 0);
        System.out.println("DECODE speech10s.mp3 vs librosa: lag 0, SNR " + snr + " dB");
        assertTrue("mp3 SNR " + snr + " dB", snr > 20);
    }

    public void testMp3SkipsWholeFramesAndResumesExactlyWhereALinearDecodeIs() throws Exception {
        byte[] mp3 = AudioReference.resource("speech-input/speech10s.mp3");
        float[] linear = Decoded.all(mp3, "speech10s.mp3");
        // one stream, skipping and reading in turn as the analyzer does: near skips decode and discard, far ones
        // pass over whole frames and decode a preroll; after either, the samples are those of the linear decode
        long[] skips = {0, 1000, 30000, 700, 90000, 2048, 50000};
        try (AudioSource s = AudioDecoders.open(AudioInput.of(mp3, "speech10s.mp3"), DecodeLimits.DEFAULT)) {
            long position = 0;
            float[] out = new float[4096];
            double worst = 0;
            for (long skip : skips) {
                assertEquals(skip, s.skip(skip));
                position += skip;
                int n = Decoded.readAllInto(s, out);
                assertEquals(Math.min(out.length, linear.length - position), n);
                for (int i = 0; i < n; i++) {
                    worst = Math.max(worst, Math.abs(out[i] - linear[(int) position + i]));
                }
                position += n;
            }
            System.out.println("DECODE speech10s.mp3 skip vs linear decode: max |diff| " + worst);
            assertTrue("max |diff| " + worst, worst <= 1e-6);
            assertEquals(linear.length - position, s.skip(Long.MAX_VALUE));
            assertEquals(-1, s.read(out, 0, out.length));
        }
    }

    public void testOggVorbisIsCloseToTheSource() throws Exception {
        float[] ref = speechReference();
        float[] y = speech("ogg");
        assertEquals(ref.length, y.length);
        assertEquals(0, Decoded.bestLag(ref, y, 1200));
        double snr = Decoded.snrDb(ref, y, 0);
        System.out.println("DECODE speech10s.ogg vs librosa: lag 0, SNR " + snr + " dB");
        assertTrue("ogg SNR " + snr + " dB", snr > 10);
    }

    public void testStereo44kSeedsDecodeToTheWavDownmix() throws Exception {
        float[] wav = Decoded.all(TestAudio.resource("/audio/seed_stereo44k.wav"), "seed_stereo44k.wav");
        assertEquals(44100, wav.length);
        float[] flac = Decoded.all(TestAudio.resource("/audio/seed_stereo44k.flac"), "seed_stereo44k.flac");
        assertArrayEquals(wav, flac, 0f);
        float[] mp3 = Decoded.all(TestAudio.resource("/audio/seed_stereo44k.mp3"), "seed_stereo44k.mp3");
        assertEquals(wav.length, mp3.length);
        assertEquals(0, Decoded.bestLag(wav, mp3, 1200));
        assertTrue(Decoded.snrDb(wav, mp3, 0) > 20);
        float[] ogg = Decoded.all(TestAudio.resource("/audio/seed_stereo44k.ogg"), "seed_stereo44k.ogg");
        assertEquals(wav.length, ogg.length);
        assertTrue(Decoded.snrDb(wav, ogg, 0) > 10);
        try (AudioSource s = AudioDecoders.open(AudioInput.of(TestAudio.resource("/audio/seed_stereo44k.ogg"), "x.ogg"), DecodeLimits.DEFAULT)) {
            assertEquals(2, s.channels());
            assertEquals(44100, s.sampleRate());
            assertEquals(44100, s.totalFrames());
        }
    }

    public void testUpstreamFlacAndOggHaveTheirDeclaredLength() throws Exception {
        // librosa's test_audio.flac / .ogg: 44.1 kHz stereo, 229021 frames each (read in place, not copied)
        for (String name : new String[] {"test_audio.flac", "test_audio.ogg"}) {
            try (AudioSource s = AudioDecoders.open(AudioReference.upstreamFile("upstream-librosa-tests", name), DecodeLimits.DEFAULT)) {
                assertEquals(name, 44100, s.sampleRate());
                assertEquals(name, 2, s.channels());
                assertEquals(name, 229021, s.totalFrames());
                assertEquals(name, 229021, Decoded.readAll(s).length);
            }
        }
    }

    public void testWavAllWidthsAndChannelCounts() throws Exception {
        float[] y = TestAudio.sine(330, 0.5, 16000, 0.7);
        int[][] pcm = {{8, 1}, {16, 1}, {24, 2}, {32, 8}, {16, 32}};
        for (int[] c : pcm) {
            float[] out = Decoded.all(TestAudio.wav(y, 16000, c[1], c[0], false), "pcm.wav");
            assertEquals(y.length, out.length);
            float tol = (float) Math.pow(2, -(c[0] - 1)); // one quantisation step
            for (int i = 0; i < y.length; i++) {
                assertEquals(c[0] + "-bit " + c[1] + "ch sample " + i, y[i], out[i], tol);
            }
        }
        for (int bits : new int[] {32, 64}) {
            float[] out = Decoded.all(TestAudio.wav(y, 16000, 2, bits, true), "float.wav");
            assertArrayEquals(y, out, 1e-7f);
        }
    }

    public void testWavSeeksByByteOffset() throws Exception {
        float[] y = TestAudio.sine(100, 2, 8000, 0.5);
        try (AudioSource s = AudioDecoders.open(AudioInput.of(TestAudio.wav(y, 8000, 2, 24, false), "a.wav"), DecodeLimits.DEFAULT)) {
            float[] first = new float[10];
            assertEquals(10, s.read(first, 0, 10));
            assertEquals(9000, s.skip(9000));
            float[] next = new float[5];
            assertEquals(5, s.read(next, 0, 5));
            for (int i = 0; i < 5; i++) {
                assertEquals(y[9010 + i], next[i], 1e-6f);
            }
            assertEquals(16000 - 9015, s.skip(100_000));
            assertEquals(-1, s.read(next, 0, 5));
        }
    }

    public void testResamplingSourceSkipsToTheRightPlace() throws Exception {
        float[] y = TestAudio.sine(200, 3, 48000, 0.5);
        try (AudioSource s = ResamplingSource.of(AudioDecoders.open(AudioInput.of(TestAudio.wav16(y, 48000), "r.wav"), DecodeLimits.DEFAULT), 22050)) {
            assertEquals(66150, s.totalFrames());
            long skipped = s.skip(22050);
            assertEquals(22050, skipped, 2);
            float[] out = new float[2048];
            assertEquals(2048, Decoded.readAllInto(s, out));
            // after the first millisecond (the resampler restarts at the seek), the samples are the sine at t = 1 s
            for (int i = 64; i < out.length; i++) {
                double t = (skipped + i) / 22050.0;
                assertEquals(0.5 * Math.sin(2 * Math.PI * 200 * t), out[i], 2e-3);
            }
        }
    }

    // ---- inputs that must fail with a clear message

    /** A mutated FLAC (from DecoderFuzzTests, seed 7DBBDEA4DBCC9927) on which jFLAC alone searches for a frame forever. */
    public void testCorruptFlacThatSendsJflacIntoAnEndlessSyncSearchFails() throws Exception {
        assertFails(TestAudio.resource("/audio/fuzz-flac-endless-sync.flac"), "endless.flac", "past its end");
    }

    private static void assertFails(byte[] bytes, String name, String... expectedInMessage) {
        AudioDecodeException e = expectThrows(AudioDecodeException.class, () -> Decoded.all(bytes, name));
        for (String s : expectedInMessage) {
            assertTrue("message [" + e.getMessage() + "] should mention [" + s + "]", e.getMessage().contains(s));
        }
        assertTrue("message names the input: " + e.getMessage(), e.getMessage().startsWith(name + ":"));
    }

    public void testZeroByteFile() {
        assertFails(new byte[0], "empty.wav", "empty (0 bytes)");
    }

    public void testGarbageWithAnAudioExtension() {
        byte[] garbage = new byte[4096];
        random().nextBytes(garbage);
        garbage[0] = 'X'; // not a magic number of any format
        for (String name : new String[] {"garbage.mp3", "garbage.wav", "garbage.flac", "garbage.ogg"}) {
            assertFails(garbage, name, "unrecognised audio format");
        }
        byte[] fakeMp3 = garbage.clone();
        fakeMp3[0] = (byte) 0xff;
        fakeMp3[1] = (byte) 0xfb; // a plausible first frame header followed by noise: no second frame
        fakeMp3[2] = (byte) 0x90;
        assertFails(fakeMp3, "fake.mp3", "MP3");
    }

    public void testTruncatedFilesOfEveryFormat() throws Exception {
        for (String ext : new String[] {"wav", "flac", "mp3", "ogg"}) {
            byte[] full = AudioReference.resource("speech-input/speech10s." + ext);
            byte[] headerOnly = Arrays.copyOf(full, ext.equals("wav") ? 30 : 20);
            expectThrows(AudioDecodeException.class, () -> Decoded.all(headerOnly, "cut." + ext));
        }
        byte[] wav = AudioReference.resource("speech-input/speech10s.wav");
        assertFails(Arrays.copyOf(wav, wav.length / 2), "half.wav", "declares", "truncated");
    }

    public void testWavHeaderThatLiesAboutItsLength() {
        byte[] wav = TestAudio.wav16(TestAudio.sine(440, 0.5, 8000, 0.5), 8000);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 1_000_000_000);
        assertFails(wav, "liar.wav", "declares 1000000000 bytes", "holds only");
    }

    public void testImpossibleSampleRatesAndChannelCounts() {
        float[] y = TestAudio.sine(1, 0.01, 8000, 0.5);
        assertFails(TestAudio.wav(y, 1, 1, 16, false), "one-hertz.wav", "sample rate 1 Hz");
        assertFails(TestAudio.wav(y, 10_000_000, 1, 16, false), "ten-megahertz.wav", "sample rate 10000000 Hz");
        assertFails(TestAudio.wav(y, 8000, 33, 16, false), "many.wav", "33 channels");
        byte[] zeroChannels = TestAudio.wav(y, 8000, 1, 16, false);
        ByteBuffer.wrap(zeroChannels).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0);
        assertFails(zeroChannels, "none.wav", "0 channels");
    }

    public void testLimitsOnSizeAndDuration() {
        byte[] wav = TestAudio.wav16(TestAudio.sine(440, 2, 8000, 0.5), 8000);
        DecodeLimits small = DecodeLimits.DEFAULT.withMaxBytes(1000);
        AudioDecodeException e = expectThrows(AudioDecodeException.class, () -> Decoded.all(AudioInput.of(wav, "big.wav"), small));
        assertTrue(e.getMessage(), e.getMessage().contains("more than the limit of 1000"));
        DecodeLimits short1s = DecodeLimits.DEFAULT.withMaxDurationSeconds(1.0);
        e = expectThrows(AudioDecodeException.class, () -> Decoded.all(AudioInput.of(wav, "long.wav"), short1s));
        assertTrue(e.getMessage(), e.getMessage().contains("longer than the limit of 1.0 s"));
        byte[] mp3 = TestAudio.resource("/audio/seed_mono22k.mp3");
        e = expectThrows(AudioDecodeException.class, () -> Decoded.all(AudioInput.of(mp3, "long.mp3"), DecodeLimits.DEFAULT.withMaxDurationSeconds(0.5)));
        assertTrue(e.getMessage(), e.getMessage().contains("longer than the limit"));
    }

    public void testUnsupportedWavEncoding() {
        byte[] wav = TestAudio.wav16(TestAudio.sine(440, 0.1, 8000, 0.5), 8000);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 2); // MS ADPCM
        assertFails(wav, "adpcm.wav", "encoding 0x2 is not supported");
    }
}
