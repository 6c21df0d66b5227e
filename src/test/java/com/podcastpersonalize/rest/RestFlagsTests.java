package com.podcastpersonalize.rest;

import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.test.OpenSearchTestCase;
import org.opensearch.test.rest.FakeRestRequest;

import java.util.HashMap;
import java.util.Map;

public class RestFlagsTests extends OpenSearchTestCase {

    private static boolean flag(String value) {
        Map<String, String> params = new HashMap<>();
        if (value != null) {
            params.put("include_vectors", value);
        }
        return RestFlags.flag(new FakeRestRequest.Builder(NamedXContentRegistry.EMPTY).withParams(params).build(), "include_vectors");
    }

    public void testAbsentIsFalseGivenIsTrue() {
        assertFalse(flag(null));
        assertTrue(flag(""));
        assertTrue(flag("true"));
        assertFalse(flag("false"));
    }

    public void testAnythingElseNamesTheParameter() {
        for (String bad : new String[] { "yes", "1", "TRUE", "maybe" }) {
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> flag(bad));
            assertEquals("[include_vectors] must be true or false, got [" + bad + "]", e.getMessage());
        }
    }
}
