package com.podcastpersonalize.diversify;

import org.opensearch.OpenSearchParseException;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.test.OpenSearchTestCase;

import java.util.HashMap;
import java.util.Map;

public class DiversifyParametersTests extends OpenSearchTestCase {

    private static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private static void assertRefused(Map<String, Object> config, String expectedMessage) {
        OpenSearchParseException e = expectThrows(OpenSearchParseException.class, () -> DiversifyParameters.parse("t", config));
        assertEquals(RestStatus.BAD_REQUEST, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains(expectedMessage));
    }

    public void testTheContractExampleIsReadAndConsumed() {
        Map<String, Object> config = config("vector_field", "text_vector", "lambda", 0.3, "max_per_show", 2, "show_field", "show_id", "window", 50);
        assertEquals(new DiversifyParameters("text_vector", 0.3, 2, "show_id", 50), DiversifyParameters.parse("t", config));
        assertTrue("parameters are taken out of the configuration", config.isEmpty());
    }

    public void testDefaults() {
        assertEquals(
            new DiversifyParameters("episode.vector", 0.3, 2, "show_id", 50),
            DiversifyParameters.parse(null, config("vector_field", "episode.vector"))
        );
    }

    public void testNumbersMayBeStringsAsInOtherProcessors() {
        DiversifyParameters parameters = DiversifyParameters.parse("t", config("vector_field", "v", "lambda", "0.5", "window", "10", "max_per_show", 3.0));
        assertEquals(0.5, parameters.lambda(), 0);
        assertEquals(10, parameters.window());
        assertEquals(3, parameters.maxPerShow());
    }

    public void testLambdaOutsideTheUnitInterval() {
        assertRefused(config("vector_field", "v", "lambda", 1.5), "[lambda] must be between 0 (relevance only) and 1 (diversity only), got [1.5]");
        assertRefused(config("vector_field", "v", "lambda", -0.1), "[lambda]");
        assertRefused(config("vector_field", "v", "lambda", "NaN"), "[lambda]");
        assertRefused(config("vector_field", "v", "lambda", "much"), "[lambda] must be a number, got [much]");
    }

    public void testWindowBounds() {
        assertRefused(config("vector_field", "v", "window", 0), "[window] must be between 1 and 1000, got [0]");
        assertRefused(config("vector_field", "v", "window", 1001), "[window] must be between 1 and 1000, got [1001]");
        assertRefused(config("vector_field", "v", "window", 2.5), "[window] must be a whole number, got [2.5]");
        assertEquals(1000, DiversifyParameters.parse("t", config("vector_field", "v", "window", 1000)).window());
    }

    public void testMaxPerShowAtLeastOne() {
        assertRefused(config("vector_field", "v", "max_per_show", 0), "[max_per_show] must be at least 1, got [0]");
    }

    public void testFieldNames() {
        assertRefused(config("lambda", 0.3), "[vector_field] required property is missing");
        assertRefused(config("vector_field", ""), "[vector_field] must be a field name");
        assertRefused(config("vector_field", 12), "[vector_field] must be a field name (a non-empty string), got [12]");
        assertRefused(config("vector_field", "v", "show_field", " "), "[show_field] must be a field name");
    }

    public void testUnknownParametersAreNamed() {
        assertRefused(config("vector_field", "v", "lamda", 0.3), "[lamda] unknown parameter; podcast_diversify accepts [vector_field, lambda, max_per_show, show_field, window]");
    }

    public void testTheMessageNamesTheProcessorForCore() {
        OpenSearchParseException e = expectThrows(OpenSearchParseException.class, () -> DiversifyParameters.parse("my-tag", config("vector_field", "v", "window", -1)));
        assertEquals("podcast_diversify", e.getMetadata("opensearch.processor_type").get(0));
        assertEquals("my-tag", e.getMetadata("opensearch.processor_tag").get(0));
        assertEquals("window", e.getMetadata("opensearch.property_name").get(0));
    }
}
