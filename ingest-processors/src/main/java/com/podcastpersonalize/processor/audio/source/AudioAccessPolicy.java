package com.podcastpersonalize.processor.audio.source;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where audio may come from, as the operator set it ({@code plugins.podcast.audio.*}): directories
 * for {@code file:} sources, host names for {@code http(s)} sources, whether non-public addresses
 * are allowed, and the size and time limits.
 */
public record AudioAccessPolicy(
    List<Path> allowedDirectories,
    List<String> allowedHosts,
    boolean allowPrivateAddresses,
    long maxBytes,
    long timeoutMillis
) {

    public AudioAccessPolicy {
        allowedDirectories = List.copyOf(allowedDirectories);
        allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    boolean hostAllowed(String host) {
        return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether an address is one a server-side fetch must not reach unless allowed: loopback,
     * private (RFC 1918, IPv6 unique local), link-local (cloud metadata lives there), carrier-grade
     * NAT, unspecified or multicast.
     */
    static boolean isNonPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
            || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        return false;
    }
}
