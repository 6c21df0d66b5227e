package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.AudioDecodeException;
import com.podcastpersonalize.processor.audio.decode.AudioInput;
import org.opensearch.test.OpenSearchTestCase;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float WAVs holding NaN or ±Inf samples are refused, as librosa's valid_audio refuses such a buffer. */
public class NonFiniteSamplesTests extends OpenSearchTestCase {

    private static final int SR = 22050;
    private static final int WAV_HEADER = 44;
    private static final AudioAnalyzer ANALYZER = new AudioAnalyzer(AnalyzerConfig.DEFAULT, null);

    /** A mono float32 WAV of a 3 s sine with {@code value} written over the sample at {@code index}. */
    private static byte[] floatWavWith(int sr, int index, float value) {
        byte[] wav = TestAudio.wav(TestAudio.sine(440, 3, sr, 0.5), sr, 1, 32, true);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putFloat(WAV_HEADER + 4 * index, value);
        return wav;
    }

    private static AudioDecodeException refused(byte[] wav) {
        return expectThrows(AudioDecodeException.class, () -> ANALYZER.analyze(AudioInput.of(wav, "episode.wav")));
    }

    public void testTheSameWavWithFiniteSamplesIsAnalysed() throws Exception {
        AudioFeatures f = ANALYZER.analyze(AudioInput.of(floatWavWith(SR, SR, 0.25f), "episode.wav"));
        assertEquals(440.0, f.get(FeatureNames.PITCH_MEAN), 1.0);
    }

    public void testNaNSampleFailsTheAnalysisNamingWhereAndWhat() {
        AudioDecodeException e = refused(floatWavWith(SR, SR * 3 / 2, Float.NaN));
        assertEquals(
            "episode.wav: the audio is not finite everywhere: the sample at 1.500 s is NaN (corrupt float data; librosa refuses such audio too)",
            e.getMessage());
    }

    public void testInfiniteSamplesFailTheAnalysis() {
        AudioDecodeException plus = refused(floatWavWith(SR, SR / 2, Float.POSITIVE_INFINITY));
        assertTrue(plus.getMessage(), plus.getMessage().contains("the sample at 0.500 s is Infinity"));
        AudioDecodeException minus = refused(floatWavWith(SR, 0, Float.NEGATIVE_INFINITY));
        assertTrue(minus.getMessage(), minus.getMessage().contains("the sample at 0.000 s is -Infinity"));
        // the last sample is covered too (the centred frames reach past both ends)
        AudioDecodeException last = refused(floatWavWith(SR, 3 * SR - 1, Float.POSITIVE_INFINITY));
        assertTrue(last.getMessage(), last.getMessage().contains("is Infinity"));
    }

    public void testNaNStillFoundAfterResampling() {
        // 44.1 kHz goes through the sinc resampler, which spreads the NaN over its neighbours (a few ms)
        AudioDecodeException e = refused(floatWavWith(44100, 44100 * 2, Float.NaN));
        assertTrue(e.getMessage(), e.getMessage().matches(".*the sample at (1\\.99\\d|2\\.000) s is NaN.*"));
    }

    public void testWindowAnalysisReportsTheFirstNonFiniteSample() {
        float[] y = TestAudio.sine(440, 2, SR, 0.5);
        int first = between(0, y.length - 2);
        y[first] = randomBoolean() ? Float.NaN : Float.POSITIVE_INFINITY;
        y[between(first + 1, y.length - 1)] = Float.NEGATIVE_INFINITY;
        WindowAnalysis.NonFiniteSampleException e = expectThrows(WindowAnalysis.NonFiniteSampleException.class,
            () -> new WindowAnalysis(SR).analyze(y));
        assertEquals(first, e.index());
        assertEquals(y[first], e.value(), 0f);
    }
}
