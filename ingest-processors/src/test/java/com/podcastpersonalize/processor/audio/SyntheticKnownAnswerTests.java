package com.podcastpersonalize.processor.audio;

import com.podcastpersonalize.processor.audio.decode.AudioInput;
import org.opensearch.test.OpenSearchTestCase;

/** Signals whose features are known without librosa: a sine's pitch, a click track's tempo, noise, silence. */
public class SyntheticKnownAnswerTests extends OpenSearchTestCase {

    private static final int SR = 22050;
    private static final AudioAnalyzer ANALYZER = new AudioAnalyzer(AnalyzerConfig.DEFAULT, null);

    private static AudioFeatures analyze(float[] y, int sr) throws Exception {
        return ANALYZER.analyze(AudioInput.of(TestAudio.wav16(y, sr), "synthetic.wav"));
    }

    public void testSineGivesItsPitch() throws Exception {
        AudioFeatures f = analyze(TestAudio.sine(440, 5, SR, 0.5), SR);
        assertEquals(440.0, f.get(FeatureNames.PITCH_MEAN), 1.0);
        assertEquals(440.0, f.get("pitch_p10_hz"), 1.0);
        assertEquals(440.0, f.get("pitch_p90_hz"), 1.0);
        assertTrue("voiced ratio " + f.get(FeatureNames.VOICED_RATIO), f.get(FeatureNames.VOICED_RATIO) > 0.95);
        assertEquals(5.0, f.get(FeatureNames.DURATION), 1e-9);
    }

    public void testSineAtAnotherRateIsResampledAndKeepsItsPitch() throws Exception {
        // 44.1 kHz input goes through the resampler to 22.05 kHz
        AudioFeatures f = analyze(TestAudio.sine(440, 4, 44100, 0.5), 44100);
        assertEquals(440.0, f.get(FeatureNames.PITCH_MEAN), 1.0);
        assertEquals(4.0, f.get(FeatureNames.DURATION), 1e-9);
    }

    public void testClickTrackAt120BpmGivesTempo120() throws Exception {
        AudioFeatures f = analyze(TestAudio.clicks(120, 20, SR), SR);
        assertEquals(120.0, f.get(FeatureNames.TEMPO), 2.0);
        // librosa's own estimate is a lag bin: 117.45 or 123.05 BPM around 120 at hop 512
        assertEquals(120.0, f.get(FeatureNames.TEMPO_LIBROSA), 3.5);
    }

    public void testClickTracksAtOtherTempos() throws Exception {
        for (double bpm : new double[] {90, 100, 140}) {
            AudioFeatures f = analyze(TestAudio.clicks(bpm, 20, SR), SR);
            assertEquals("clicks at " + bpm, bpm, f.get(FeatureNames.TEMPO), 2.0);
        }
    }

    public void testWhiteNoiseHasAFlatSpectrum() throws Exception {
        AudioFeatures noise = analyze(TestAudio.whiteNoise(5, SR, random().nextLong()), SR);
        AudioFeatures sine = analyze(TestAudio.sine(440, 5, SR, 0.5), SR);
        // flatness of white noise's periodogram ≈ exp(-γ) = 0.56 (exponentially distributed powers); a tone ≈ 0
        assertTrue("noise flatness " + noise.get(FeatureNames.FLATNESS_MEAN), noise.get(FeatureNames.FLATNESS_MEAN) > 0.45);
        assertTrue("sine flatness " + sine.get(FeatureNames.FLATNESS_MEAN), sine.get(FeatureNames.FLATNESS_MEAN) < 0.01);
        // a flat spectrum puts the centroid at half the Nyquist frequency and the 85% roll-off at 85% of it
        assertEquals(SR / 4.0, noise.get(FeatureNames.CENTROID_MEAN), SR / 4.0 * 0.03);
        assertEquals(0.85 * SR / 2, noise.get("spectral_rolloff_mean_hz"), 0.85 * SR / 2 * 0.03);
        assertEquals(0.0, noise.get(FeatureNames.SPEECH_RATIO), 0.0);
    }

    public void testSilenceHasZeroRmsAndNoPitch() throws Exception {
        AudioFeatures f = analyze(new float[SR * 3], SR);
        assertEquals(0.0, f.get(FeatureNames.RMS_MEAN), 0.0);
        assertEquals(0.0, f.get(FeatureNames.PITCH_MEAN), 0.0);
        assertEquals(0.0, f.get(FeatureNames.VOICED_RATIO), 0.0);
        assertEquals(0.0, f.get(FeatureNames.SPEECH_RATIO), 0.0);
        assertEquals(0.0, f.get(FeatureNames.TEMPO), 0.0);
        assertEquals(0.0, f.get(FeatureNames.ZCR_MEAN), 0.0);
    }
}
