package com.podcastpersonalize.settings;

import org.opensearch.common.settings.SecureSetting;
import org.opensearch.core.common.settings.SecureString;
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

    // ---- listener events and profiles: plugins.podcast.listeners.* ----

    public static final String LISTENERS_PREFIX = PREFIX + "listeners.";
    private static final String EVENTS_INDEX_KEY = LISTENERS_PREFIX + "events_index";
    private static final String PROFILES_INDEX_KEY = LISTENERS_PREFIX + "profiles_index";

    /** Index of the stored listener events (created by the plugin on first use, {@code @timestamp} for Dashboards). */
    public static final Setting<String> LISTENERS_EVENTS_INDEX = Setting.simpleString(
        EVENTS_INDEX_KEY,
        "podcast-events",
        name -> validateIndexName(EVENTS_INDEX_KEY, name),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Index of the listener profiles ({@code _id} = listener id, or its pseudonym). */
    public static final Setting<String> LISTENERS_PROFILES_INDEX = Setting.simpleString(
        PROFILES_INDEX_KEY,
        "podcast-profiles",
        name -> validateIndexName(PROFILES_INDEX_KEY, name),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Primary shards of the events and profiles indices when the plugin creates them. */
    public static final Setting<Integer> LISTENERS_INDEX_SHARDS = Setting.intSetting(
        LISTENERS_PREFIX + "index_shards",
        1,
        1,
        64,
        Property.NodeScope,
        Property.Dynamic
    );

    /** {@code index.auto_expand_replicas} of the events and profiles indices when the plugin creates them. */
    public static final Setting<String> LISTENERS_INDEX_AUTO_EXPAND_REPLICAS = Setting.simpleString(
        LISTENERS_PREFIX + "index_auto_expand_replicas",
        "0-1",
        value -> {
            if (!value.matches("\\d+-(\\d+|all)") && !value.equals("false")) {
                throw new IllegalArgumentException("[" + LISTENERS_PREFIX + "index_auto_expand_replicas] must be like 0-1, 0-all or false, got [" + value + "]");
            }
        },
        Property.NodeScope,
        Property.Dynamic
    );

    /** Half-life of long-term interests (vectors, interest centroids, topics). */
    public static final Setting<TimeValue> LISTENERS_LONG_TERM_HALF_LIFE = Setting.timeSetting(
        LISTENERS_PREFIX + "long_term_half_life",
        TimeValue.timeValueDays(90),
        TimeValue.timeValueMinutes(1),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Half-life of short-term interests (recent plays and searches). */
    public static final Setting<TimeValue> LISTENERS_SHORT_TERM_HALF_LIFE = Setting.timeSetting(
        LISTENERS_PREFIX + "short_term_half_life",
        TimeValue.timeValueDays(3),
        TimeValue.timeValueMinutes(1),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Most interest centroids per listener. */
    public static final Setting<Integer> LISTENERS_MAX_INTERESTS = Setting.intSetting(
        LISTENERS_PREFIX + "max_interests",
        5,
        1,
        16,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Cosine similarity from which an episode joins an existing interest (and two interests merge). */
    public static final Setting<Double> LISTENERS_INTEREST_SIMILARITY = Setting.doubleSetting(
        LISTENERS_PREFIX + "interest_similarity",
        0.7,
        -1.0,
        1.0,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Most recently heard episode ids kept per listener (for {@code exclude_heard}). */
    public static final Setting<Integer> LISTENERS_RECENT_HEARD_SIZE = Setting.intSetting(
        LISTENERS_PREFIX + "recent_heard_size",
        200,
        0,
        10_000,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Most events in one {@code POST /_plugins/podcast/events} request; more is refused with 400. */
    public static final Setting<Integer> LISTENERS_MAX_EVENTS_PER_REQUEST = Setting.intSetting(
        LISTENERS_PREFIX + "max_events_per_request",
        10_000,
        1,
        1_000_000,
        Property.NodeScope,
        Property.Dynamic
    );

    /** How far in the future (client clock ahead of ours) an event timestamp may be. */
    public static final Setting<TimeValue> LISTENERS_MAX_FUTURE_SKEW = Setting.timeSetting(
        LISTENERS_PREFIX + "max_future_skew",
        TimeValue.timeValueHours(1),
        TimeValue.timeValueSeconds(0),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Attempts of an optimistic profile update (re-read, re-apply) under concurrent writers before its events fail. */
    public static final Setting<Integer> LISTENERS_UPDATE_RETRIES = Setting.intSetting(
        LISTENERS_PREFIX + "update_retries",
        100,
        1,
        10_000,
        Property.NodeScope,
        Property.Dynamic
    );

    /**
     * Write-behind of profile updates: the events API answers once the events are stored, and this
     * node writes the updates within this delay, folding each listener's updates of that time into
     * one write (the benchmark's sustained streams: see docs/benchmarks/listener-events.md for why
     * 5 s). 0 writes a request's profile updates before the API answers. GET, rebuild and DELETE of a
     * listener make every node write or drop what it holds back first; a search writes only this
     * node's, so through other nodes it may miss up to this delay of updates.
     */
    public static final Setting<TimeValue> LISTENERS_PROFILE_WRITE_DELAY = Setting.timeSetting(
        LISTENERS_PREFIX + "profile_write_delay",
        TimeValue.timeValueSeconds(5),
        TimeValue.ZERO,
        TimeValue.timeValueSeconds(60),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Most stored events a rebuild replays. */
    public static final Setting<Integer> LISTENERS_REBUILD_MAX_EVENTS = Setting.intSetting(
        LISTENERS_PREFIX + "rebuild_max_events",
        100_000,
        1,
        10_000_000,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Episode field holding the topic tags written by {@code podcast_text_embedding} ({@code topics_field}). */
    public static final Setting<String> LISTENERS_EPISODE_TOPICS_FIELD = Setting.simpleString(
        LISTENERS_PREFIX + "episode_topics_field",
        "topics",
        value -> requireNonBlank(LISTENERS_PREFIX + "episode_topics_field", value),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Episode field holding the show id (for subscriptions and the events' {@code show}). */
    public static final Setting<String> LISTENERS_EPISODE_SHOW_FIELD = Setting.simpleString(
        LISTENERS_PREFIX + "episode_show_field",
        "show_id",
        value -> requireNonBlank(LISTENERS_PREFIX + "episode_show_field", value),
        Property.NodeScope,
        Property.Dynamic
    );

    /** Episodes (features read for events) kept in memory per node; 0: none. Read at start. */
    public static final Setting<Integer> LISTENERS_EPISODE_CACHE_SIZE = Setting.intSetting(
        LISTENERS_PREFIX + "episode_cache_size",
        10_000,
        0,
        10_000_000,
        Property.NodeScope
    );

    /** How long a cached episode is used before it is read again (a re-ingested episode is seen after at most this). Read at start. */
    public static final Setting<TimeValue> LISTENERS_EPISODE_CACHE_EXPIRE = Setting.timeSetting(
        LISTENERS_PREFIX + "episode_cache_expire",
        TimeValue.timeValueMinutes(5),
        TimeValue.timeValueSeconds(1),
        Property.NodeScope
    );

    /**
     * Profiles kept in memory per node as the base of the next update (saves a read; a stale copy is
     * caught by the sequence-number check and read again); 0: none. Read at start.
     */
    public static final Setting<Integer> LISTENERS_PROFILE_CACHE_SIZE = Setting.intSetting(
        LISTENERS_PREFIX + "profile_cache_size",
        2_000,
        0,
        1_000_000,
        Property.NodeScope
    );

    /**
     * Whether listener ids are stored only as keyed hashes (HMAC-SHA256 with {@link #LISTENERS_PSEUDONYMIZE_KEY}).
     * Static: switching it makes existing profiles unreachable.
     */
    public static final Setting<Boolean> LISTENERS_PSEUDONYMIZE = Setting.boolSetting(LISTENERS_PREFIX + "pseudonymize", false, Property.NodeScope);

    /** The pseudonymization key, in the OpenSearch keystore (the same on every node). */
    public static final Setting<SecureString> LISTENERS_PSEUDONYMIZE_KEY = SecureSetting.secureString(LISTENERS_PREFIX + "pseudonymize_key", null);

    public static final String COLLABORATIVE_PREFIX = PREFIX + "collaborative.";
    private static final String COLLABORATIVE_INDEX_KEY = COLLABORATIVE_PREFIX + "index";

    /**
     * Alias of the collaborative model (per episode, its co-listening neighbours); each training
     * writes a new index {@code <alias>-<time>} and moves the alias to it.
     */
    public static final Setting<String> COLLABORATIVE_INDEX = Setting.simpleString(
        COLLABORATIVE_INDEX_KEY,
        "podcast-collaborative",
        name -> validateIndexName(COLLABORATIVE_INDEX_KEY, name),
        Property.NodeScope,
        Property.Dynamic
    );

    /** How many of a listener's latest liked episodes seed their collaborative candidates at query time. */
    public static final Setting<Integer> COLLABORATIVE_MAX_SEEDS = Setting.intSetting(
        COLLABORATIVE_PREFIX + "max_seeds",
        100,
        1,
        1000,
        Property.NodeScope,
        Property.Dynamic
    );

    /** How many collaborative candidates (best first) a query considers per listener. */
    public static final Setting<Integer> COLLABORATIVE_CANDIDATES = Setting.intSetting(
        COLLABORATIVE_PREFIX + "candidates",
        200,
        1,
        10_000,
        Property.NodeScope,
        Property.Dynamic
    );

    /** Episodes' co-listening neighbour lists each node keeps parsed (0: none); static. */
    public static final Setting<Integer> COLLABORATIVE_CACHE_SIZE = Setting.intSetting(
        COLLABORATIVE_PREFIX + "cache_size",
        20_000,
        0,
        10_000_000,
        Property.NodeScope
    );

    public static final String RANKER_PREFIX = PREFIX + "ranker.";
    private static final String RANKER_INDEX_KEY = RANKER_PREFIX + "index";

    /**
     * Index of the learned ranker: one document per trained version, the {@code active} pointer and the
     * last training's status. Created by the plugin (1 shard, replicas as the listener indices).
     */
    public static final Setting<String> RANKER_INDEX = Setting.simpleString(
        RANKER_INDEX_KEY,
        "podcast-ranker",
        name -> validateIndexName(RANKER_INDEX_KEY, name),
        Property.NodeScope,
        Property.Dynamic
    );

    /**
     * How long a node serves the parsed active ranker before asking the index again which version is
     * active (0: on every search); a new version is used everywhere at most this long after training.
     */
    public static final Setting<TimeValue> RANKER_MODEL_CHECK_INTERVAL = Setting.timeSetting(
        RANKER_PREFIX + "model_check_interval",
        TimeValue.timeValueSeconds(1),
        TimeValue.timeValueMillis(0),
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
            AUDIO_WINDOW_LENGTH,
            COLLABORATIVE_INDEX,
            COLLABORATIVE_MAX_SEEDS,
            COLLABORATIVE_CANDIDATES,
            COLLABORATIVE_CACHE_SIZE,
            RANKER_INDEX,
            RANKER_MODEL_CHECK_INTERVAL,
            LISTENERS_EVENTS_INDEX,
            LISTENERS_PROFILES_INDEX,
            LISTENERS_INDEX_SHARDS,
            LISTENERS_INDEX_AUTO_EXPAND_REPLICAS,
            LISTENERS_LONG_TERM_HALF_LIFE,
            LISTENERS_SHORT_TERM_HALF_LIFE,
            LISTENERS_MAX_INTERESTS,
            LISTENERS_INTEREST_SIMILARITY,
            LISTENERS_RECENT_HEARD_SIZE,
            LISTENERS_MAX_EVENTS_PER_REQUEST,
            LISTENERS_MAX_FUTURE_SKEW,
            LISTENERS_UPDATE_RETRIES,
            LISTENERS_PROFILE_WRITE_DELAY,
            LISTENERS_REBUILD_MAX_EVENTS,
            LISTENERS_EPISODE_TOPICS_FIELD,
            LISTENERS_EPISODE_SHOW_FIELD,
            LISTENERS_EPISODE_CACHE_SIZE,
            LISTENERS_EPISODE_CACHE_EXPIRE,
            LISTENERS_PROFILE_CACHE_SIZE,
            LISTENERS_PSEUDONYMIZE,
            LISTENERS_PSEUDONYMIZE_KEY
        );
    }

    private PodcastSettings() {}

    static void validateIndexName(String name) {
        validateIndexName(EPISODES_INDEX_KEY, name);
    }

    static void validateIndexName(String key, String name) {
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
