package com.podcastpersonalize.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Derived event ids: a hash of what makes an event itself (listener, episode, type, timestamp, and
 * the query of a search), so that a retried request yields the same ids and is not counted twice.
 */
public final class EventIds {

    private EventIds() {}

    /** 160 bits of SHA-256 over the fields, separated by a byte that cannot occur in them, in URL-safe base64 (27 chars). */
    public static String derive(String listenerId, String episodeId, EventType type, long timestamp, String query) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { listenerId, episodeId, type.label(), Long.toString(timestamp), query }) {
                digest.update(part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            byte[] hash = digest.digest();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
