package com.podcastpersonalize.processor.audio.source;

import com.podcastpersonalize.processor.audio.decode.AudioInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns an episode's audio reference into something the decoders can read, under the operator's
 * {@link AudioAccessPolicy}:
 * <ul>
 *   <li>{@code data:audio/...;base64,...}: decoded in memory (size checked before decoding);</li>
 *   <li>{@code file:} paths: only regular files under an allowed directory, after resolving
 *       symbolic links (no {@code ..}, no link that escapes);</li>
 *   <li>{@code http(s)} URLs: only allowed hosts, only public addresses unless allowed, redirects
 *       followed by hand (at most 3, each checked like the first), streamed to a temporary file
 *       with the size and time limits enforced while reading.</li>
 * </ul>
 * A fetched file is deleted when the returned {@link ResolvedAudio} is closed.
 */
public final class AudioSourceResolver implements java.io.Closeable {

    private static final int MAX_REDIRECTS = 3;

    /** Runs a task after a delay and returns what cancels it (the node's scheduler). */
    @FunctionalInterface
    public interface Watchdog {
        Runnable schedule(long delayMillis, Runnable task);
    }

    private final Supplier<AudioAccessPolicy> policy;
    private final Path tempDir;
    private final Watchdog watchdog;
    /** Created on the first http(s) source: its selector and worker threads exist only where needed. */
    private volatile HttpClient http;

    public AudioSourceResolver(Supplier<AudioAccessPolicy> policy, Path tempDir, Watchdog watchdog) {
        this.policy = policy;
        this.tempDir = tempDir;
        this.watchdog = watchdog;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
                }
                client = http;
            }
        }
        return client;
    }

    /** Stops the HTTP client's threads, if it was ever started. */
    @Override
    public void close() {
        HttpClient client = http;
        if (client != null) {
            client.shutdownNow();
        }
    }

    /** Audio ready for decoding; closing it removes any temporary file. */
    public record ResolvedAudio(AudioInput input, Optional<Path> temporaryFile) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporaryFile.isPresent()) {
                Files.deleteIfExists(temporaryFile.get());
            }
        }
    }

    public ResolvedAudio resolve(String reference) throws IOException {
        AudioAccessPolicy current = policy.get();
        String lower = reference.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            return new ResolvedAudio(AudioInput.of(decodeDataUri(reference.strip(), current), "data URI"), Optional.empty());
        }
        if (lower.startsWith("file:")) {
            return new ResolvedAudio(AudioInput.of(allowedFile(reference.strip(), current)), Optional.empty());
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            Path file = download(URI.create(reference.strip()), current);
            return new ResolvedAudio(AudioInput.of(file), Optional.of(file));
        }
        throw new AudioSourceException("audio source must be a file: path, an http(s) URL or a data:audio/...;base64 URI, got [" + abbreviate(reference) + "]");
    }

    static byte[] decodeDataUri(String uri, AudioAccessPolicy policy) {
        int comma = uri.indexOf(',');
        if (comma < 0 || !uri.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw new AudioSourceException("data URI must have the form data:audio/<type>;base64,<data>");
        }
        String payload = uri.substring(comma + 1);
        if ((long) payload.length() * 3 / 4 > policy.maxBytes()) {
            throw new AudioSourceException("data URI holds more than plugins.podcast.audio.max_bytes (" + policy.maxBytes() + " bytes)");
        }
        try {
            return Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new AudioSourceException("data URI is not valid base64: " + e.getMessage());
        }
    }

    static Path allowedFile(String reference, AudioAccessPolicy policy) throws IOException {
        String raw = reference.substring("file:".length());
        if (raw.startsWith("//")) {
            raw = raw.substring(2); // file:///abs/path
        }
        Path path = Path.of(raw);
        if (!path.isAbsolute() || raw.contains("/../") || raw.endsWith("/..") || raw.contains("/./")) {
            throw new AudioSourceException("file source must be an absolute path without '.' or '..' segments: [" + abbreviate(reference) + "]");
        }
        if (policy.allowedDirectories().isEmpty()) {
            throw new AudioSourceException("file sources are not allowed: set plugins.podcast.audio.allowed_paths");
        }
        Path real;
        try {
            real = path.toRealPath(); // follows symbolic links: where the bytes really are
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AudioSourceException("audio file [" + path + "] does not exist");
        }
        boolean inside = false;
        for (Path directory : policy.allowedDirectories()) {
            try {
                if (real.startsWith(directory.toRealPath())) {
                    inside = true;
                    break;
                }
            } catch (IOException ignored) {
                // an allowed directory that does not exist allows nothing
            }
        }
        if (!inside) {
            throw new AudioSourceException("audio file [" + path + "] is not under plugins.podcast.audio.allowed_paths " + policy.allowedDirectories());
        }
        if (!Files.isRegularFile(real)) {
            throw new AudioSourceException("audio source [" + path + "] is not a regular file");
        }
        if (Files.size(real) > policy.maxBytes()) {
            throw new AudioSourceException("audio file [" + path + "] is larger than plugins.podcast.audio.max_bytes (" + policy.maxBytes() + " bytes)");
        }
        return real;
    }

    private Path download(URI uri, AudioAccessPolicy policy) throws IOException {
        long deadline = System.nanoTime() + policy.timeoutMillis() * 1_000_000L;
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            checkAllowed(current, policy);
            HttpRequest request = HttpRequest.newBuilder(current).timeout(Duration.ofMillis(remainingMillis(deadline, uri))).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new AudioSourceException("audio URL [" + uri + "] did not answer within plugins.podcast.audio.timeout (" + policy.timeoutMillis() + " ms)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AudioSourceException("interrupted while fetching [" + uri + "]");
            } catch (IOException e) {
                throw new AudioSourceException("cannot fetch audio URL [" + uri + "]: " + e.getMessage(), e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                response.body().close();
                if (redirects >= MAX_REDIRECTS) {
                    throw new AudioSourceException("audio URL [" + uri + "] redirects more than " + MAX_REDIRECTS + " times");
                }
                String location = response.headers().firstValue("location")
                    .orElseThrow(() -> new AudioSourceException("audio URL [" + uri + "] redirects without a location"));
                current = current.resolve(location);
                continue;
            }
            if (status != 200) {
                response.body().close();
                throw new AudioSourceException("audio URL [" + uri + "] answered HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > policy.maxBytes()) {
                response.body().close();
                throw new AudioSourceException("audio URL [" + uri + "] is " + declared + " bytes, more than plugins.podcast.audio.max_bytes (" + policy.maxBytes() + ")");
            }
            return copyToTempFile(response.body(), uri, policy, deadline);
        }
    }

    private static void checkAllowed(URI uri, AudioAccessPolicy policy) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new AudioSourceException("audio URL [" + uri + "] must be http or https");
        }
        if (!policy.hostAllowed(uri.getHost())) {
            throw new AudioSourceException("audio host [" + uri.getHost() + "] is not in plugins.podcast.audio.allowed_hosts " + policy.allowedHosts());
        }
        if (!policy.allowPrivateAddresses()) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (AudioAccessPolicy.isNonPublic(address)) {
                        throw new AudioSourceException(
                            "audio host [" + uri.getHost() + "] resolves to the non-public address " + address.getHostAddress()
                                + " (set plugins.podcast.audio.allow_private_addresses to allow it)"
                        );
                    }
                }
            } catch (UnknownHostException e) {
                throw new AudioSourceException("audio host [" + uri.getHost() + "] does not resolve");
            }
        }
    }

    private Path copyToTempFile(InputStream body, URI uri, AudioAccessPolicy policy, long deadline) throws IOException {
        Files.createDirectories(tempDir);
        Path file = Files.createTempFile(tempDir, "podcast-audio-", ".download");
        boolean done = false;
        // a server that sends headers and then stalls would block read() forever: close the stream at the deadline
        Runnable cancelWatchdog = watchdog.schedule(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L), () -> {
            try {
                body.close();
            } catch (IOException ignored) {
                // the reading thread reports the timeout
            }
        });
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > policy.maxBytes()) {
                    throw new AudioSourceException("audio URL [" + uri + "] sent more than plugins.podcast.audio.max_bytes (" + policy.maxBytes() + " bytes)");
                }
                if (System.nanoTime() > deadline) {
                    throw new AudioSourceException("audio URL [" + uri + "] did not finish within plugins.podcast.audio.timeout (" + policy.timeoutMillis() + " ms)");
                }
                out.write(buffer, 0, read);
            }
            done = true;
            return file;
        } catch (IOException e) {
            if (System.nanoTime() > deadline) {
                throw new AudioSourceException("audio URL [" + uri + "] did not finish within plugins.podcast.audio.timeout (" + policy.timeoutMillis() + " ms)");
            }
            throw e;
        } finally {
            cancelWatchdog.run();
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static long remainingMillis(long deadlineNanos, URI uri) {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (remaining <= 0) {
            throw new AudioSourceException("audio URL [" + uri + "] ran out of time (plugins.podcast.audio.timeout)");
        }
        return remaining;
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
