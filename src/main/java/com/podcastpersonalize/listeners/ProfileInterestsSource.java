package com.podcastpersonalize.listeners;

import com.podcastpersonalize.query.ListenerInterests;

import org.opensearch.core.action.ActionListener;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The {@code personalize} query's view of a stored profile: unknown listener → popularity; only
 * declared topics → those; else the learned interests (centroids, short- and long-term) in words, and,
 * when asked for and a sequence model is trained, where the listening is heading.
 */
public final class ProfileInterestsSource {

    private final ListenerIds ids;
    private final BiConsumer<String, ActionListener<ProfileStore.Versioned>> loader;
    private final BiConsumer<List<Profile.Heard>, ActionListener<List<ListenerInterests.CollaborativeCandidate>>> collaborative;
    private final BiConsumer<Profile, ActionListener<float[]>> sequence;

    /**
     * @param loader        loads a profile by stored id (null when none), e.g. {@link ProfileStore#get}
     * @param collaborative loads the collaborative candidates seeded by a profile's heard episodes
     */
    public ProfileInterestsSource(
        ListenerIds ids,
        BiConsumer<String, ActionListener<ProfileStore.Versioned>> loader,
        BiConsumer<List<Profile.Heard>, ActionListener<List<ListenerInterests.CollaborativeCandidate>>> collaborative
    ) {
        this(ids, loader, collaborative, (profile, l) -> l.onResponse(null));
    }

    /** @param sequence predicts a profile's next interest (a unit vector, or null), e.g. {@code SequenceInterests#predict} */
    public ProfileInterestsSource(
        ListenerIds ids,
        BiConsumer<String, ActionListener<ProfileStore.Versioned>> loader,
        BiConsumer<List<Profile.Heard>, ActionListener<List<ListenerInterests.CollaborativeCandidate>>> collaborative,
        BiConsumer<Profile, ActionListener<float[]>> sequence
    ) {
        this.ids = ids;
        this.loader = loader;
        this.collaborative = collaborative;
        this.sequence = sequence;
    }

    /** As {@link #load(String, boolean, float, ActionListener)} without the sequence interest. */
    public void load(String listenerId, boolean withCollaborative, ActionListener<ListenerInterests> listener) {
        load(listenerId, withCollaborative, 0f, listener);
    }

    /**
     * Loads a listener's interests asynchronously, with their collaborative candidates when
     * {@code withCollaborative}, and with the sequence model's predicted interest at strength
     * {@code sequenceStrength} when above 0 (only for a listener known from their listening); an unknown
     * listener is not an error: it answers {@link ListenerInterests#unknown()}.
     */
    public void load(String listenerId, boolean withCollaborative, float sequenceStrength, ActionListener<ListenerInterests> listener) {
        final String storedId;
        try {
            storedId = ids.storedId("listener_id", listenerId);
        } catch (IllegalArgumentException e) {
            listener.onFailure(e);
            return;
        }
        loader.accept(storedId, ActionListener.wrap(versioned -> {
            if (versioned == null) {
                listener.onResponse(ListenerInterests.unknown());
                return;
            }
            ListenerInterests interests = interests(versioned.profile());
            if (sequenceStrength > 0 && interests.strategy() == ListenerInterests.Strategy.INTERESTS) {
                sequence.accept(versioned.profile(), ActionListener.wrap(
                    predicted -> withCollaborative(
                        versioned.profile(),
                        predicted == null ? interests : interests.withInterest(new ListenerInterests.Interest(ListenerInterests.SEQUENCE_LABEL, sequenceStrength, predicted)),
                        withCollaborative,
                        listener
                    ),
                    listener::onFailure
                ));
            } else {
                withCollaborative(versioned.profile(), interests, withCollaborative, listener);
            }
        }, listener::onFailure));
    }

    private void withCollaborative(Profile profile, ListenerInterests interests, boolean wanted, ActionListener<ListenerInterests> listener) {
        if (!wanted) {
            listener.onResponse(interests);
            return;
        }
        collaborative.accept(profile.heard(), ActionListener.wrap(candidates -> listener.onResponse(interests.withCollaborative(candidates)), listener::onFailure));
    }

    /** The mapping itself: a profile to what the query needs. */
    public static ListenerInterests interests(Profile profile) {
        List<String> heard = profile.heard().stream().map(Profile.Heard::episodeId).toList();
        List<NamedInterests.Named> learned = NamedInterests.learned(profile);
        if (!learned.isEmpty()) {
            return new ListenerInterests(ListenerInterests.Strategy.INTERESTS, toInterests(learned), NamedInterests.audio(profile), heard);
        }
        List<NamedInterests.Named> declared = NamedInterests.declared(profile);
        if (!declared.isEmpty()) {
            return new ListenerInterests(ListenerInterests.Strategy.DECLARED_TOPICS, toInterests(declared), NamedInterests.audio(profile), heard);
        }
        return new ListenerInterests(ListenerInterests.Strategy.POPULARITY, List.of(), NamedInterests.audio(profile), heard);
    }

    private static List<ListenerInterests.Interest> toInterests(List<NamedInterests.Named> named) {
        return named.stream().map(n -> new ListenerInterests.Interest(n.label(), n.strength(), n.vector())).toList();
    }
}
