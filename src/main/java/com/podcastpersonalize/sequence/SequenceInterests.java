package com.podcastpersonalize.sequence;

import com.podcastpersonalize.listeners.EpisodeCache;
import com.podcastpersonalize.listeners.EpisodeFeaturesReader;
import com.podcastpersonalize.listeners.EpisodeSource;
import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.settings.PodcastSettings;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;
import org.opensearch.transport.client.Client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a listener's listening is heading, for the {@code personalize} query: the active sequence
 * model's prediction from the text vectors of the listener's latest liked episodes (as
 * {@link ListeningSequences} orders them). The vectors come from this node's {@link EpisodeCache} (which
 * event ingestion fills), else from one multi-get of the episodes index (then cached). Answers null when
 * no model is trained, the listener liked nothing yet, or none of those episodes has a text vector.
 */
public final class SequenceInterests {

    private static final Logger LOGGER = LogManager.getLogger(SequenceInterests.class);

    private final ClusterSettings settings;
    private final SequenceModelStore models;
    private final EpisodeFeaturesReader episodes;

    public SequenceInterests(Client client, ClusterSettings settings, SequenceModelStore models, EpisodeCache cache) {
        this.settings = settings;
        this.models = models;
        this.episodes = new EpisodeFeaturesReader(client, cache, EpisodeFeaturesReader.ItemFailures.SKIP);
    }

    /**
     * The predicted unit vector, or null. Never fails: a search goes on without this interest when the
     * model or the vectors cannot be read (logged).
     */
    public void predict(Profile profile, ActionListener<float[]> answer) {
        ActionListener<float[]> listener = ActionListener.wrap(answer::onResponse, e -> {
            LOGGER.warn("the sequence interest of a listener could not be predicted; the search goes on without it", e);
            answer.onResponse(null);
        });
        List<String> liked = ListeningSequences.likedOldestFirst(profile.heard());
        if (liked.isEmpty()) {
            listener.onResponse(null);
            return;
        }
        models.loadActive(ActionListener.wrap(active -> {
            if (active.isEmpty()) {
                listener.onResponse(null);
                return;
            }
            NextInterestModel model = active.get();
            List<String> latest = liked.subList(Math.max(0, liked.size() - model.window()), liked.size());
            vectors(latest, ActionListener.wrap(vectors -> {
                List<float[]> history = new ArrayList<>();
                for (String id : latest) {
                    float[] vector = vectors.get(id);
                    if (vector != null && vector.length == model.dimension()) {
                        history.add(vector);
                    }
                }
                listener.onResponse(history.isEmpty() ? null : model.predict(history));
            }, listener::onFailure));
        }, listener::onFailure));
    }

    /** The text vectors of {@code ids} that have one; an episode that cannot be read is left out. */
    private void vectors(List<String> ids, ActionListener<Map<String, float[]>> listener) {
        episodes.read(settings.get(PodcastSettings.EPISODES_INDEX), EpisodeSource.of(settings), ids, () -> false, ActionListener.wrap(features -> {
            Map<String, float[]> vectors = new HashMap<>();
            features.forEach((id, episode) -> {
                if (episode.textVector() != null) {
                    vectors.put(id, episode.textVector());
                }
            });
            listener.onResponse(vectors);
        }, listener::onFailure));
    }
}
