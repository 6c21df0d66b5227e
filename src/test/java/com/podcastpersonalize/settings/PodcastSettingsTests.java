package com.podcastpersonalize.settings;

import org.opensearch.common.settings.Settings;
import org.opensearch.test.OpenSearchTestCase;

import java.util.List;

public class PodcastSettingsTests extends OpenSearchTestCase {

    public void testDefaults() {
        assertEquals("episodes", PodcastSettings.EPISODES_INDEX.get(Settings.EMPTY));
        assertEquals("bge-small-en-v1.5-q", PodcastSettings.TEXT_DEFAULT_MODEL.get(Settings.EMPTY));
        assertEquals(16, (int) PodcastSettings.TEXT_MAX_CHUNKS.get(Settings.EMPTY));
        assertEquals(List.of(), PodcastSettings.AUDIO_ALLOWED_PATHS.get(Settings.EMPTY));
        assertEquals(List.of(), PodcastSettings.AUDIO_ALLOWED_HOSTS.get(Settings.EMPTY));
    }

    public void testEveryKeyIsUnderThePluginPrefixAndUnique() {
        List<String> keys = PodcastSettings.all().stream().map(s -> s.getKey()).toList();
        assertEquals(keys.size(), keys.stream().distinct().count());
        for (String key : keys) {
            assertTrue(key, key.startsWith("plugins.podcast."));
        }
    }

    public void testMaxChunksOutOfRangeNamesTheSetting() {
        IllegalArgumentException e = expectThrows(
            IllegalArgumentException.class,
            () -> PodcastSettings.TEXT_MAX_CHUNKS.get(Settings.builder().put("plugins.podcast.text.max_chunks", 0).build())
        );
        assertTrue(e.getMessage(), e.getMessage().contains("plugins.podcast.text.max_chunks"));
        e = expectThrows(
            IllegalArgumentException.class,
            () -> PodcastSettings.TEXT_MAX_CHUNKS.get(Settings.builder().put("plugins.podcast.text.max_chunks", "many").build())
        );
        assertTrue(e.getMessage(), e.getMessage().contains("plugins.podcast.text.max_chunks"));
    }

    public void testEpisodesIndexMustBeAValidIndexName() {
        for (String bad : new String[] { "", "Episodes", "_episodes", "a/b", "a b", "a*" }) {
            IllegalArgumentException e = expectThrows(
                IllegalArgumentException.class,
                () -> PodcastSettings.EPISODES_INDEX.get(Settings.builder().put("plugins.podcast.episodes_index", bad).build())
            );
            assertTrue(bad + " -> " + e.getMessage(), e.getMessage().contains("plugins.podcast.episodes_index"));
        }
        assertEquals("podcast-episodes-2017", PodcastSettings.EPISODES_INDEX.get(Settings.builder().put("plugins.podcast.episodes_index", "podcast-episodes-2017").build()));
    }

    public void testAllowedPathsMustBeAbsoluteAndNormalized() {
        for (String bad : new String[] { "relative/dir", "/srv/audio/../etc", "/srv/./audio" }) {
            IllegalArgumentException e = expectThrows(
                IllegalArgumentException.class,
                () -> PodcastSettings.AUDIO_ALLOWED_PATHS.get(Settings.builder().putList("plugins.podcast.audio.allowed_paths", bad).build())
            );
            assertTrue(bad + " -> " + e.getMessage(), e.getMessage().contains("plugins.podcast.audio.allowed_paths"));
        }
        assertEquals(List.of("/srv/audio"), PodcastSettings.AUDIO_ALLOWED_PATHS.get(Settings.builder().putList("plugins.podcast.audio.allowed_paths", "/srv/audio").build()));
    }

    public void testAllowedHostsAreBareHostNames() {
        for (String bad : new String[] { "https://cdn.example.com", "cdn.example.com:443", "cdn.example.com/path", "user@host" }) {
            IllegalArgumentException e = expectThrows(
                IllegalArgumentException.class,
                () -> PodcastSettings.AUDIO_ALLOWED_HOSTS.get(Settings.builder().putList("plugins.podcast.audio.allowed_hosts", bad).build())
            );
            assertTrue(bad + " -> " + e.getMessage(), e.getMessage().contains("plugins.podcast.audio.allowed_hosts"));
        }
        assertEquals(
            List.of("cdn.example.com"),
            PodcastSettings.AUDIO_ALLOWED_HOSTS.get(Settings.builder().putList("plugins.podcast.audio.allowed_hosts", " CDN.example.com ").build())
        );
    }

    public void testAudioWindowLengthIsRefusedOutsideTheAnalyzersRange() {
        IllegalArgumentException e = expectThrows(
            IllegalArgumentException.class,
            () -> PodcastSettings.AUDIO_WINDOW_LENGTH.get(Settings.builder().put("plugins.podcast.audio.window_length", "11m").build())
        );
        assertTrue(e.getMessage(), e.getMessage().contains("plugins.podcast.audio.window_length"));
        assertEquals(600, PodcastSettings.AUDIO_WINDOW_LENGTH.get(Settings.builder().put("plugins.podcast.audio.window_length", "10m").build()).seconds());
    }
}
