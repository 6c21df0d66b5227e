package com.podcastpersonalize.listeners;

import org.opensearch.core.common.settings.SecureString;
import org.opensearch.test.OpenSearchTestCase;

public class ListenerIdsTests extends OpenSearchTestCase {

    public void testPlainIdsAreStoredAsGiven() {
        assertEquals("u42", ListenerIds.plain().storedId("listener_id", "u42"));
    }

    public void testPseudonymIsHmacSha256OfTheId() {
        ListenerIds ids = ListenerIds.pseudonymizing(new SecureString("0123456789abcdef-key".toCharArray()));
        // python3: hmac.new(b'0123456789abcdef-key', b'u42', hashlib.sha256).hexdigest()
        assertEquals("b68b164d2562f02a886eebbfe8d1d06cd96b5a09fb4aae566792438ffe5acdb8", ids.storedId("listener_id", "u42"));
    }

    public void testPseudonymizingNeedsAKeyOfSixteenCharacters() {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> ListenerIds.pseudonymizing(new SecureString("short".toCharArray())));
        assertTrue(e.getMessage(), e.getMessage().contains("plugins.podcast.listeners.pseudonymize_key"));
        expectThrows(IllegalArgumentException.class, () -> ListenerIds.pseudonymizing(null));
    }

    public void testBadIdsNameTheField() {
        String[][] cases = { { null, "is required" }, { " ", "is required" }, { "a".repeat(10_240), "10240 bytes long; at most 512" },
            { "u\u000042", "control characters (found U+0000 at 1)" }, { "u\n42", "control characters" }, { "é".repeat(300), "600 bytes" } };
        for (String[] c : cases) {
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> ListenerIds.plain().storedId("listener_id", c[0]));
            assertTrue(e.getMessage(), e.getMessage().startsWith("[listener_id]") && e.getMessage().contains(c[1]));
        }
    }
}
