package com.podcastpersonalize.query;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * What the {@code personalize} query knows about one listener, fetched once on the coordinating
 * node and shipped to the shards with the query.
 *
 * @param strategy  how the listener is known: from their listening, from declared topics, or not at all (popularity)
 * @param interests interest vectors in the text space, each with a strength and a label in words
 * @param audioInterest the listener's taste in sound (audio vector space), or null
 * @param heardEpisodeIds recently heard episodes, excluded with {@code exclude_heard}
 * @param collaborative episodes that listeners of what this listener liked also liked, best first
 *                      (empty unless the query asked for the collaborative component)
 */
public record ListenerInterests(
    Strategy strategy,
    List<Interest> interests,
    float[] audioInterest,
    List<String> heardEpisodeIds,
    List<CollaborativeCandidate> collaborative
) implements Writeable {

    /** How the listener is known; reported in the response header and the explanation. */
    public enum Strategy {
        INTERESTS,
        DECLARED_TOPICS,
        POPULARITY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The label of the interest the sequence model predicts from the listener's latest liked episodes. */
    public static final String SEQUENCE_LABEL = "where your listening is heading";

    /** One interest: a direction in the text vector space, how strong it is (0..1], and words for explanations. */
    public record Interest(String label, float strength, float[] vector) {}

    /**
     * An episode recommended by co-listening.
     *
     * @param episodeId the episode ({@code _id} in the episodes index)
     * @param value     its collaborative score divided by the listener's best one, in (0, 1]
     * @param because   title (or id) of the liked episode that contributed most, for explanations
     */
    public record CollaborativeCandidate(String episodeId, float value, String because) {}

    /** A listener nobody knows anything about. */
    public static ListenerInterests unknown() {
        return new ListenerInterests(Strategy.POPULARITY, List.of(), null, List.of(), List.of());
    }

    public ListenerInterests(Strategy strategy, List<Interest> interests, float[] audioInterest, List<String> heardEpisodeIds) {
        this(strategy, interests, audioInterest, heardEpisodeIds, List.of());
    }

    public ListenerInterests {
        interests = List.copyOf(interests);
        heardEpisodeIds = List.copyOf(heardEpisodeIds);
        collaborative = List.copyOf(collaborative);
    }

    /** The same listener with one more interest, after the others. */
    public ListenerInterests withInterest(Interest interest) {
        List<Interest> more = new java.util.ArrayList<>(interests);
        more.add(interest);
        return new ListenerInterests(strategy, more, audioInterest, heardEpisodeIds, collaborative);
    }

    /** The same listener with collaborative candidates. */
    public ListenerInterests withCollaborative(List<CollaborativeCandidate> candidates) {
        return new ListenerInterests(strategy, interests, audioInterest, heardEpisodeIds, candidates);
    }

    public ListenerInterests(StreamInput in) throws IOException {
        this(
            in.readEnum(Strategy.class),
            in.readList(i -> new Interest(i.readString(), i.readFloat(), i.readFloatArray())),
            in.readBoolean() ? in.readFloatArray() : null,
            in.readStringList(),
            in.readList(i -> new CollaborativeCandidate(i.readString(), i.readFloat(), i.readString()))
        );
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeEnum(strategy);
        out.writeCollection(interests, (o, interest) -> {
            o.writeString(interest.label());
            o.writeFloat(interest.strength());
            o.writeFloatArray(interest.vector());
        });
        out.writeBoolean(audioInterest != null);
        if (audioInterest != null) {
            out.writeFloatArray(audioInterest);
        }
        out.writeStringCollection(heardEpisodeIds);
        out.writeCollection(collaborative, (o, candidate) -> {
            o.writeString(candidate.episodeId());
            o.writeFloat(candidate.value());
            o.writeString(candidate.because());
        });
    }
}
