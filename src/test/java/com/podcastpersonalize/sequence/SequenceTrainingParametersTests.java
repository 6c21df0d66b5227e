package com.podcastpersonalize.sequence;

import com.podcastpersonalize.ranker.TrainingBodies;

import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;

public class SequenceTrainingParametersTests extends OpenSearchTestCase {

    /** A bad value is refused with a message naming its field. */
    private static void refused(String json, String field) {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> TrainingBodies.parse(json, SequenceTrainingParameters::parse));
        assertTrue(e.getMessage(), e.getMessage().contains("[" + field + "]"));
    }

    private static SequenceTrainingParameters parse(String json) throws IOException {
        return TrainingBodies.parse(json, SequenceTrainingParameters::parse);
    }

    public void testAnEmptyBodyGivesTheDocumentedDefaults() throws IOException {
        SequenceTrainingParameters defaults = parse("{}");
        assertEquals(SequenceTrainingParameters.defaults(), defaults);
        assertEquals(new SequenceTrainingParameters(10, 300, 0.003, 0.02, 42), defaults);
        assertEquals(SequenceModelOptions.defaults(42), defaults.options());
    }

    public void testGivenValuesAreKept() throws IOException {
        SequenceTrainingParameters p = parse("{\"window\": 5, \"steps\": 50, \"learning_rate\": 0.01, \"temperature\": 0.1, \"seed\": 7}");
        assertEquals(new SequenceTrainingParameters(5, 50, 0.01, 0.1, 7), p);
        assertEquals(5, p.options().window());
        assertEquals(0.1f, p.options().temperature(), 0f);
    }

    public void testBadValuesAreRefusedNamingTheirField() {
        refused("{\"window\": 0}", "window");
        refused("{\"window\": 51}", "window");
        refused("{\"window\": 2.5}", "window");
        refused("{\"steps\": \"many\"}", "steps");
        refused("{\"learning_rate\": 0}", "learning_rate");
        refused("{\"temperature\": 1.5}", "temperature");
        refused("{\"temperature\": -0.1}", "temperature");
        refused("{\"seed\": null}", "seed");
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> parse("{\"epochs\": 3}"));
        assertTrue(e.getMessage(), e.getMessage().contains("unknown field [epochs]"));
    }
}
