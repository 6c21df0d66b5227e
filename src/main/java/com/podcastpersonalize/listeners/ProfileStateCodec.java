package com.podcastpersonalize.listeners;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.common.io.stream.ByteBufferStreamInput;
import org.opensearch.core.common.io.stream.StreamInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned state of a profile (decayed vectors, interest centroids, topic weights, recently heard
 * episodes, declared topics) as one compact binary blob: vectors as float32 (the precision the JSON
 * form had), masses and topic weights as float64, counts and times as variable-length integers, heard
 * times as deltas. About 30% fewer bytes than the JSON form and nothing for the shard to parse: the
 * blob is stored raw in a CBOR {@code _source} and skipped by the mapping.
 */
final class ProfileStateCodec {

    /** First byte of every blob; a later layout gets another one. */
    static final byte VERSION = 1;

    private ProfileStateCodec() {}

    static byte[] encode(Profile profile) {
        try (BytesStreamOutput out = new BytesStreamOutput(16 * 1024)) {
            out.writeByte(VERSION);
            out.writeZLong(profile.referenceTime());
            writeOptionalVector(out, profile.longText());
            writeOptionalVector(out, profile.shortText());
            writeOptionalVector(out, profile.longAudio());
            writeOptionalVector(out, profile.shortAudio());
            out.writeVInt(profile.interests().size());
            for (InterestCentroid interest : profile.interests()) {
                writeVector(out, interest.vector());
                writeTopics(out, interest.topics());
            }
            writeTopics(out, profile.topics());
            out.writeVInt(profile.heard().size());
            long previous = 0;
            for (Profile.Heard heard : profile.heard()) {
                out.writeString(heard.episodeId());
                out.writeZLong(heard.timestamp() - previous); // latest first: small negative deltas
                previous = heard.timestamp();
                out.writeFloat(heard.weight());
            }
            out.writeVInt(profile.declaredTopics().size());
            for (Profile.DeclaredTopic topic : profile.declaredTopics()) {
                out.writeString(topic.label());
                writeFloats(out, topic.vector());
            }
            return BytesReference.toBytes(out.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills {@code profile}'s learned state from {@code blob}. Read through a byte buffer: each
     * profile read by a search decodes a few thousand floats, and {@link StreamInput#wrap} reads
     * them byte by byte through a synchronized stream (most of the decoding time).
     */
    static void decode(byte[] blob, Profile profile) {
        try (StreamInput in = new ByteBufferStreamInput(ByteBuffer.wrap(blob))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("profile state of unknown layout version [" + version + "]");
            }
            profile.referenceTime(in.readZLong());
            profile.longText = readOptionalVector(in);
            profile.shortText = readOptionalVector(in);
            profile.longAudio = readOptionalVector(in);
            profile.shortAudio = readOptionalVector(in);
            int interests = in.readVInt();
            for (int i = 0; i < interests; i++) {
                DecayedVector vector = readVector(in);
                profile.interests.add(new InterestCentroid(vector, readTopics(in, InterestCentroid.TOPICS_KEPT)));
            }
            profile.topics = readTopics(in, Profile.TOPICS_KEPT);
            int heard = in.readVInt();
            long previous = 0;
            for (int i = 0; i < heard; i++) {
                String episodeId = in.readString();
                long timestamp = previous + in.readZLong();
                previous = timestamp;
                profile.heard.add(new Profile.Heard(episodeId, timestamp, in.readFloat()));
            }
            int declared = in.readVInt();
            List<Profile.DeclaredTopic> topics = new ArrayList<>(declared);
            for (int i = 0; i < declared; i++) {
                topics.add(new Profile.DeclaredTopic(in.readString(), readFloats(in)));
            }
            profile.declaredTopics(topics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOptionalVector(BytesStreamOutput out, DecayedVector vector) throws IOException {
        out.writeBoolean(vector != null);
        if (vector != null) {
            writeVector(out, vector);
        }
    }

    private static DecayedVector readOptionalVector(StreamInput in) throws IOException {
        return in.readBoolean() ? readVector(in) : null;
    }

    private static void writeVector(BytesStreamOutput out, DecayedVector vector) throws IOException {
        out.writeDouble(vector.mass());
        double[] sum = vector.sum();
        out.writeVInt(sum.length);
        for (double value : sum) {
            out.writeFloat((float) value);
        }
    }

    private static DecayedVector readVector(StreamInput in) throws IOException {
        double mass = in.readDouble();
        double[] sum = new double[in.readVInt()];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = in.readFloat();
        }
        return new DecayedVector(sum, mass);
    }

    private static void writeFloats(BytesStreamOutput out, float[] values) throws IOException {
        out.writeVInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(StreamInput in) throws IOException {
        float[] values = new float[in.readVInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static void writeTopics(BytesStreamOutput out, TopicWeights topics) throws IOException {
        Map<String, Double> weights = topics.asMap();
        out.writeVInt(weights.size());
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            out.writeString(entry.getKey());
            out.writeDouble(entry.getValue());
        }
    }

    private static TopicWeights readTopics(StreamInput in, int capacity) throws IOException {
        int size = in.readVInt();
        Map<String, Double> weights = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            weights.put(in.readString(), in.readDouble());
        }
        return new TopicWeights(weights, capacity);
    }
}
