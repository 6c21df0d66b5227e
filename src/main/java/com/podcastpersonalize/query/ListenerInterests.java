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
 */
public record ListenerInterests(Strategy strategy, List<Interest> interests, float[] audioInterest, List<String> heardEpisodeIds)
    implements
        Writeable {

    /** How the listener is known; reported in the response header and the explanation. */
    public enum Strategy {
        INTERESTS,
        DECLARED_TOPICS,
        POPULARITY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One interest: a direction in the text vector space, how strong it is (0..1], and words for explanations. */
    public record Interest(String label, float strength, float[] vector) {}

    /** A listener nobody knows anything about. */
    public static ListenerInterests unknown() {
        return new ListenerInterests(Strategy.POPULARITY, List.of(), null, List.of());
    }

    public ListenerInterests {
        interests = List.copyOf(interests);
        heardEpisodeIds = List.copyOf(heardEpisodeIds);
    }

    public ListenerInterests(StreamInput in) throws IOException {
        this(
            in.readEnum(Strategy.class),
            in.readList(i -> new Interest(i.readString(), i.readFloat(), i.readFloatArray())),
            in.readBoolean() ? in.readFloatArray() : null,
            in.readStringList()
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
    }
}
