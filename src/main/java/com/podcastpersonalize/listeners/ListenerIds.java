package com.podcastpersonalize.listeners;

import org.opensearch.core.common.settings.SecureString;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Checks listener and episode ids and maps a listener id to the id it is stored under: itself, or
 * with pseudonymization on, its HMAC-SHA256 under a key from the OpenSearch keystore (hex), so that
 * neither the profiles nor the events hold the platform's listener id.
 */
public final class ListenerIds {

    /** Longest id in UTF-8 bytes (the longest document {@code _id} OpenSearch accepts). */
    public static final int MAX_ID_BYTES = 512;

    private final byte[] key;

    private ListenerIds(byte[] key) {
        this.key = key;
    }

    /** Ids are stored as given. */
    public static ListenerIds plain() {
        return new ListenerIds(null);
    }

    /** Ids are stored as their keyed hash; the key must be at least 16 bytes. */
    public static ListenerIds pseudonymizing(SecureString key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException(
                "[plugins.podcast.listeners.pseudonymize] is true: the keystore must hold [plugins.podcast.listeners.pseudonymize_key] of at least 16 characters"
            );
        }
        return new ListenerIds(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    public boolean pseudonymizes() {
        return key != null;
    }

    /**
     * The id the listener is stored under.
     *
     * @throws IllegalArgumentException naming {@code field} when the id is missing, too long or holds control characters
     */
    public String storedId(String field, String listenerId) {
        validate(field, listenerId);
        if (key == null) {
            return listenerId;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(listenerId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Checks an id (listener or episode): present, not blank, at most {@value #MAX_ID_BYTES} UTF-8 bytes, no control characters. */
    public static void validate(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("[" + field + "] is required and must be a non-empty string");
        }
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ID_BYTES) {
            throw new IllegalArgumentException("[" + field + "] is " + bytes + " bytes long; at most " + MAX_ID_BYTES + " bytes");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new IllegalArgumentException("[" + field + "] must not contain control characters (found U+" + String.format(java.util.Locale.ROOT, "%04X", (int) id.charAt(i)) + " at " + i + ")");
            }
        }
    }
}
