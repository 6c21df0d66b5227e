package com.podcastpersonalize.sequence;

import com.podcastpersonalize.listeners.EpisodeCache;
import com.podcastpersonalize.listeners.EpisodeFeatures;
import com.podcastpersonalize.listeners.EpisodeSource;
import com.podcastpersonalize.listeners.Profile;
import com.podcastpersonalize.settings.PodcastSettings;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.core.action.ActionListener;
import org.opensearch.search.fetch.subphase.FetchSourceContext;
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

    private final Client client;
    private final ClusterSettings settings;
    private final SequenceModelStore models;
    private final EpisodeCache cache;

    public SequenceInterests(Client client, ClusterSettings settings, SequenceModelStore models, EpisodeCache cache) {
        this.client = client;
        this.settings = settings;
        this.models = models;
        this.cache = cache;
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

    /** The text vectors of {@code ids} that have one: cached ones at once, the others by one multi-get. */
    private void vectors(List<String> ids, ActionListener<Map<String, float[]>> listener) {
        String index = settings.get(PodcastSettings.EPISODES_INDEX);
        Map<String, float[]> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            EpisodeFeatures cached = cache.get(index, id);
            if (cached == null) {
                missing.add(id);
            } else if (cached.textVector() != null) {
                found.put(id, cached.textVector());
            }
        }
        if (missing.isEmpty()) {
            listener.onResponse(found);
            return;
        }
        EpisodeSource source = EpisodeSource.of(settings);
        MultiGetRequest request = new MultiGetRequest().realtime(false);
        FetchSourceContext fields = new FetchSourceContext(true, source.includes(), null);
        missing.forEach(id -> request.add(new MultiGetRequest.Item(index, id).fetchSourceContext(fields)));
        client.multiGet(request, ActionListener.wrap(response -> {
            for (MultiGetItemResponse item : response.getResponses()) {
                if (!item.isFailed() && item.getResponse().isExists()) {
                    EpisodeFeatures features = source.read(item.getResponse().getSourceAsMap());
                    cache.put(index, item.getId(), features);
                    if (features.textVector() != null) {
                        found.put(item.getId(), features.textVector());
                    }
                }
            }
            listener.onResponse(found);
        }, listener::onFailure));
    }
}
