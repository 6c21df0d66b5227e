package com.podcastpersonalize.settings;

import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.unit.ByteSizeUnit;
import org.opensearch.core.common.unit.ByteSizeValue;

import java.net.IDN;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every {@code plugins.podcast.*} setting. Values are validated when they are set, so a wrong
 * type or an out-of-range value is refused with an error that names the setting, before it can
 * reach a processor or a query.
 */
public final class PodcastSettings {

    public static final String PREFIX = "plugins.podcast.";
    private static final String EPISODES_INDEX_KEY = PREFIX + "episodes_index";
    private static final String AUDIO_ALLOWED_PATHS_KEY = PREFIX + "audio.allowed_paths";
    private static final String AUDIO_ALLOWED_HOSTS_KEY = PREFIX + "audio.allowed_hosts";

    /** Index whose documents are the episodes ({@code _id} = episode id); read by events and ranking. */
    public static final Setting<String> EPISODES_INDEX = Setting.simpleString(
        EPISODES_INDEX_KEY,
        "episodes",
        PodcastSettings::validateIndexName,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Name of the text model (from {@code models.yml}) used where a processor or request names none. */
    public static final Setting<String> TEXT_DEFAULT_MODEL = Setting.simpleString(
        PREFIX + "text.default_model",
        "bge-small-en-v1.5-q",
        value -> requireNonBlank(PREFIX + "text.default_model", value),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Most chunks a long text (a transcript) is split into before pooling. */
    public static final Setting<Integer> TEXT_MAX_CHUNKS = Setting.intSetting(
        PREFIX + "text.max_chunks",
        16,
        1,
        256,
        Property.NodeScope,
        Property.Dynamic
    );

    /**
     * Most padded tokens one model call may take. Measured on 2 cores (docs/text-embedding-benchmark.md):
     * 512-1024 is fastest for bge-small; larger batches lose to cache misses and padding.
     */
    public static final Setting<Integer> TEXT_MAX_BATCH_TOKENS = Setting.intSetting(
        PREFIX + "text.max_batch_tokens",
        1024,
        64,
        1_048_576,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Tokens shared by consecutive windows of a long text (read when a model is loaded). */
    public static final Setting<Integer> TEXT_CHUNK_OVERLAP_TOKENS = Setting.intSetting(
        PREFIX + "text.chunk_overlap_tokens",
        64,
        0,
        256,
        Property.NodeScope
    );

    /** Directories that {@code file:} audio sources may be read from. Empty: no files at all. */
    public static final Setting<List<String>> AUDIO_ALLOWED_PATHS = Setting.listSetting(
        AUDIO_ALLOWED_PATHS_KEY,
        List.of(),
        Function.identity(),
        PodcastSettings::validateAbsolutePaths,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Host names that {@code http(s)} audio sources may be fetched from. Empty: no hosts at all. */
    public static final Setting<List<String>> AUDIO_ALLOWED_HOSTS = Setting.listSetting(
        AUDIO_ALLOWED_HOSTS_KEY,
        List.of(),
        host -> host.trim().toLowerCase(Locale.ROOT),
        PodcastSettings::validateHostNames,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Whether {@code http(s)} audio may come from loopback, private, link-local or other non-public addresses. */
    public static final Setting<Boolean> AUDIO_ALLOW_PRIVATE_ADDRESSES = Setting.boolSetting(
        PREFIX + "audio.allow_private_addresses",
        false,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Largest audio file (or download, or decoded data: URI) accepted. */
    public static final Setting<ByteSizeValue> AUDIO_MAX_BYTES = Setting.byteSizeSetting(
        PREFIX + "audio.max_bytes",
        new ByteSizeValue(1, ByteSizeUnit.GB),
        new ByteSizeValue(1, ByteSizeUnit.KB),
        new ByteSizeValue(16, ByteSizeUnit.GB),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Longest episode accepted; longer ones fail with a clear reason instead of tying up the pool. */
    public static final Setting<TimeValue> AUDIO_MAX_DURATION = Setting.timeSetting(
        PREFIX + "audio.max_duration",
        TimeValue.timeValueHours(6),
        TimeValue.timeValueSeconds(1),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Time allowed for fetching and analysing one episode's audio. */
    public static final Setting<TimeValue> AUDIO_TIMEOUT = Setting.timeSetting(
        PREFIX + "audio.timeout",
        TimeValue.timeValueSeconds(120),
        TimeValue.timeValueSeconds(1),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Windows analysed per episode in sampled mode (the processor's default). */
    public static final Setting<Integer> AUDIO_WINDOWS = Setting.intSetting(PREFIX + "audio.windows", 6, 1, 1000, Property.NodeScope, Property.Dynamic);

    /** Length of each analysed window, 1 s to 10 minutes (the analyzer's range: refused here rather than failing every document). */
    public static final Setting<TimeValue> AUDIO_WINDOW_LENGTH = Setting.timeSetting(
        PREFIX + "audio.window_length",
        TimeValue.timeValueSeconds(10),
        TimeValue.timeValueSeconds(1),
        TimeValue.timeValueMinutes(10),
        Property.NodeScope,
        Property.Dynamic
    );

    public static List<Setting<?>> all() {
        return List.of(
            EPISODES_INDEX,
            TEXT_DEFAULT_MODEL,
            TEXT_MAX_CHUNKS,
            TEXT_MAX_BATCH_TOKENS,
            TEXT_CHUNK_OVERLAP_TOKENS,
            AUDIO_ALLOWED_PATHS,
            AUDIO_ALLOWED_HOSTS,
            AUDIO_ALLOW_PRIVATE_ADDRESSES,
            AUDIO_MAX_BYTES,
            AUDIO_MAX_DURATION,
            AUDIO_TIMEOUT,
            AUDIO_WINDOWS,
            AUDIO_WINDOW_LENGTH
        );
    }

    private PodcastSettings() {}

    static void validateIndexName(String name) {
        final String key = EPISODES_INDEX_KEY;
        requireNonBlank(key, name);
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("[" + key + "] must be lowercase, got [" + name + "]");
        }
        if (name.startsWith("_") || name.startsWith("-") || name.startsWith("+")) {
            throw new IllegalArgumentException("[" + key + "] must not start with '_', '-' or '+', got [" + name + "]");
        }
        for (char c : new char[] { '\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':' }) {
            if (name.indexOf(c) >= 0) {
                throw new IllegalArgumentException("[" + key + "] must not contain '" + c + "', got [" + name + "]");
            }
        }
    }

    static void validateAbsolutePaths(List<String> paths) {
        for (String path : paths) {
            if (path.isBlank() || !Path.of(path).isAbsolute()) {
                throw new IllegalArgumentException("[" + AUDIO_ALLOWED_PATHS_KEY + "] entries must be absolute directories, got [" + path + "]");
            }
            if (!Path.of(path).normalize().equals(Path.of(path))) {
                throw new IllegalArgumentException("[" + AUDIO_ALLOWED_PATHS_KEY + "] entries must be normalized (no '..' or '.'), got [" + path + "]");
            }
        }
    }

    static void validateHostNames(List<String> hosts) {
        for (String host : hosts) {
            if (host.isEmpty() || host.contains("/") || host.contains(":") || host.contains("@") || host.contains(" ")) {
                throw new IllegalArgumentException("[" + AUDIO_ALLOWED_HOSTS_KEY + "] entries must be bare host names (no scheme, port or path), got [" + host + "]");
            }
            try {
                IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[" + AUDIO_ALLOWED_HOSTS_KEY + "] entry [" + host + "] is not a valid host name: " + e.getMessage());
            }
        }
    }

    private static void requireNonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("[" + key + "] must not be empty");
        }
    }
}
