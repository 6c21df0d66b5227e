package com.podcastpersonalize.it.cluster;

import org.opensearch.common.settings.MockSecureSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.test.OpenSearchIntegTestCase;

import java.util.Map;

/** With {@code plugins.podcast.listeners.pseudonymize}, neither profiles nor events hold the platform's listener id. */
@OpenSearchIntegTestCase.ClusterScope(scope = OpenSearchIntegTestCase.Scope.SUITE, numDataNodes = 1, numClientNodes = 0, supportsDedicatedMasters = false)
public class ListenerPseudonymizationIT extends PodcastClusterTestCase {

    /** python3: hmac.new(b'it-secret-key-0123456789', b'alice', hashlib.sha256).hexdigest() */
    private static final String PSEUDONYM = "e3a65bb44e9ef076e830d00ba2eba76420711f3a5dc88d895e4dc35d0b873d39";

    @Override
    protected Settings nodeSettings(int nodeOrdinal) {
        MockSecureSettings secure = new MockSecureSettings();
        secure.setString("plugins.podcast.listeners.pseudonymize_key", "it-secret-key-0123456789");
        return Settings.builder()
            .put(super.nodeSettings(nodeOrdinal))
            .put("plugins.podcast.listeners.pseudonymize", true)
            .setSecureSettings(secure)
            .build();
    }

    public void testListenerIdsAreStoredOnlyAsKeyedHashes() throws Exception {
        rest("PUT", "/episodes/_doc/ep1?refresh=true", "{\"topics\": [\"jazz\"], \"text_vector\": [1.0, 0.0, 0.0]}");
        Map<String, Object> response = rest("POST", "/_plugins/podcast/events?wait_for_profiles=true",
            "{\"events\": [{\"listener_id\": \"alice\", \"episode_id\": \"ep1\", \"type\": \"complete\", \"timestamp\": 1700000000000}]}");
        assertEquals(response.toString(), Boolean.FALSE, response.get("errors"));

        Map<String, Object> profile = rest("GET", "/_plugins/podcast/listeners/alice", null);
        assertEquals("alice", profile.get("listener_id"));
        assertEquals(PSEUDONYM, profile.get("stored_as"));
        assertEquals(Map.of("complete", 1), profile.get("counts"));

        refresh("podcast-events", "podcast-profiles");
        for (String index : new String[] { "podcast-events", "podcast-profiles" }) {
            assertEquals(index, 0, client().prepareSearch(index).setQuery(QueryBuilders.queryStringQuery("alice")).get().getHits().getTotalHits().value());
            assertEquals(index, 1, client().prepareSearch(index).setQuery(QueryBuilders.termQuery("listener_id", PSEUDONYM)).get().getHits().getTotalHits().value());
        }
        Map<String, Object> deleted = rest("DELETE", "/_plugins/podcast/listeners/alice", null);
        assertEquals(1, deleted.get("events_deleted"));
        assertEquals(Boolean.TRUE, deleted.get("profile_deleted"));
    }
}
