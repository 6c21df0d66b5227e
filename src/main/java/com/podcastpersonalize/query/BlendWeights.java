package com.podcastpersonalize.query;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Weights of the {@code personalize} score components. Each component is first brought to [0, 1]
 * (see {@link ScoreNormalization}), then the blend is the weighted sum.
 *
 * @param lexical    BM25 on {@code text_fields} against {@code query_text}
 * @param semantic   cosine of the episode's text vector to the embedded {@code query_text}
 * @param interest   cosine of the episode's text vector to the listener's closest interest
 * @param audio      cosine of the episode's audio vector to the listener's taste in sound
 * @param popularity the episode's popularity ({@code popularity_field}), log-scaled
 * @param collaborative co-listening: how much listeners of what this listener liked also liked the
 *                      episode (needs a trained collaborative model, see {@code collaborative/_train})
 * @param sequence   not a component of its own: the strength, 0 to {@value #MAX_SEQUENCE}, of the interest
 *                   the sequence model predicts from the listener's latest liked episodes ("where your
 *                   listening is heading"), one more interest of the {@code interest} component; 0 leaves
 *                   it out (needs a trained sequence model, see {@code sequence/_train}). Strengths above
 *                   1, which no profile interest has, let its cosines count more than fully: its
 *                   predictions sit farther from any one episode than the profile's averaged interests
 */
public record BlendWeights(float lexical, float semantic, float interest, float audio, float popularity, float collaborative, float sequence)
    implements
        Writeable,
        ToXContentFragment {

    public static final float MAX_SEQUENCE = 3f;
    /** {@code sequence} 0: the sequence interest improved neither data set of the evaluation (README, "Sequence-aware interest"). */
    public static final BlendWeights DEFAULT = new BlendWeights(0.3f, 0.3f, 0.4f, 0.1f, 0.05f, 0.4f, 0f);
    private static final Set<String> NAMES = Set.of("lexical", "semantic", "interest", "audio", "popularity", "collaborative", "sequence");

    public BlendWeights {
        check("lexical", lexical);
        check("semantic", semantic);
        check("interest", interest);
        check("audio", audio);
        check("popularity", popularity);
        check("collaborative", collaborative);
        if (!(sequence >= 0 && sequence <= MAX_SEQUENCE)) {
            throw new IllegalArgumentException("[weights.sequence] must be a number from 0 to " + (int) MAX_SEQUENCE + ", got [" + sequence + "]");
        }
        if (lexical + semantic + interest + audio + popularity + collaborative <= 0) {
            throw new IllegalArgumentException("[weights] must not all be 0");
        }
    }

    private static void check(String name, float value) {
        if (!(value >= 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("[weights." + name + "] must be a finite number >= 0, got [" + value + "]");
        }
    }

    /** Weights given in a request; components not named keep their default. */
    public static BlendWeights parse(Map<String, Object> map) {
        for (String key : map.keySet()) {
            if (!NAMES.contains(key)) {
                throw new IllegalArgumentException("[weights] has unknown component [" + key + "]; components: " + NAMES.stream().sorted().toList());
            }
        }
        return new BlendWeights(
            number(map, "lexical", DEFAULT.lexical),
            number(map, "semantic", DEFAULT.semantic),
            number(map, "interest", DEFAULT.interest),
            number(map, "audio", DEFAULT.audio),
            number(map, "popularity", DEFAULT.popularity),
            number(map, "collaborative", DEFAULT.collaborative),
            number(map, "sequence", DEFAULT.sequence)
        );
    }

    private static float number(Map<String, Object> map, String key, float defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("[weights." + key + "] must be a number, got [" + value + "]");
        }
        return number.floatValue();
    }

    public BlendWeights(StreamInput in) throws IOException {
        this(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeFloat(lexical);
        out.writeFloat(semantic);
        out.writeFloat(interest);
        out.writeFloat(audio);
        out.writeFloat(popularity);
        out.writeFloat(collaborative);
        out.writeFloat(sequence);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject("weights")
            .field("lexical", lexical)
            .field("semantic", semantic)
            .field("interest", interest)
            .field("audio", audio)
            .field("popularity", popularity)
            .field("collaborative", collaborative)
            .field("sequence", sequence)
            .endObject();
    }
}
