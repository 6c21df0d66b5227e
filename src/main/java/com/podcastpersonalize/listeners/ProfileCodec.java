package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;

import org.opensearch.common.xcontent.cbor.CborXContent;
import org.opensearch.core.xcontent.XContentBuilder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A profile as a document of the profiles index. The fields people look at (counts, top topics,
 * subscribed shows, declared topics, times) are plain fields that Dashboards can chart; the learned
 * state is one binary blob under {@code state} (not indexed; see {@link ProfileStateCodec}). Written
 * as CBOR (see {@link #contentBuilder()}), the blob is stored as raw bytes; JSON shows it as base64.
 * Profiles stored before the blob existed (state as an object with base64 vectors) still read.
 */
public final class ProfileCodec {

    public static final String LISTENER_ID = "listener_id";
    public static final String UPDATED_AT = "updated_at";
    public static final String LAST_EVENT_AT = "last_event_at";
    public static final String COUNTS = "counts";
    public static final String TOP_TOPICS = "top_topics";
    public static final String SUBSCRIBED_SHOWS = "subscribed_shows";
    public static final String DECLARED_TOPICS = "declared_topics";
    public static final String STATE = "state";

    private ProfileCodec() {}

    /** The builder profiles are written with: CBOR keeps the state blob as raw bytes (JSON would base64 it). */
    public static XContentBuilder contentBuilder() throws IOException {
        return CborXContent.contentBuilder();
    }

    public static void write(Profile profile, XContentBuilder builder) throws IOException {
        builder.startObject();
        builder.field(LISTENER_ID, profile.listenerId());
        builder.field(UPDATED_AT, profile.updatedAt());
        if (profile.referenceTime() >= 0) {
            builder.field(LAST_EVENT_AT, profile.referenceTime());
        }
        builder.startObject(COUNTS);
        for (Map.Entry<EventType, Long> count : profile.counts().entrySet()) {
            builder.field(count.getKey().label(), count.getValue());
        }
        builder.endObject();
        builder.field(TOP_TOPICS, profile.topics().top(10));
        builder.field(SUBSCRIBED_SHOWS, List.copyOf(profile.subscribedShows()));
        builder.field(DECLARED_TOPICS, profile.declaredTopics().stream().map(Profile.DeclaredTopic::label).toList());

        builder.field(STATE, ProfileStateCodec.encode(profile));
        builder.endObject();
    }

    @SuppressWarnings("unchecked")
    public static Profile read(Map<String, Object> source) {
        Profile profile = new Profile((String) source.get(LISTENER_ID));
        profile.updatedAt(((Number) source.getOrDefault(UPDATED_AT, 0L)).longValue());
        ((Map<String, Object>) source.getOrDefault(COUNTS, Map.of())).forEach(
            (type, count) -> profile.counts().put(EventType.parse(type), ((Number) count).longValue())
        );
        profile.subscribedShows.addAll((List<String>) source.getOrDefault(SUBSCRIBED_SHOWS, List.of()));
        Object state = source.get(STATE);
        if (state instanceof byte[] blob) {
            ProfileStateCodec.decode(blob, profile);
        } else if (state instanceof String base64) {
            ProfileStateCodec.decode(Base64.getDecoder().decode(base64), profile);
        } else if (state instanceof Map<?, ?> legacy) {
            readLegacyState((Map<String, Object>) legacy, profile);
        }
        return profile;
    }

    /** The learned state as profiles stored it before the blob: an object with base64 float32 vectors. */
    @SuppressWarnings("unchecked")
    private static void readLegacyState(Map<String, Object> state, Profile profile) {
        profile.referenceTime(((Number) state.getOrDefault("reference_time", -1L)).longValue());
        profile.longText = readVector(state.get("long_text"));
        profile.shortText = readVector(state.get("short_text"));
        profile.longAudio = readVector(state.get("long_audio"));
        profile.shortAudio = readVector(state.get("short_audio"));
        for (Map<String, Object> interest : (List<Map<String, Object>>) state.getOrDefault("interests", List.of())) {
            profile.interests.add(new InterestCentroid(readVector(interest), topics(interest.get("topics"), InterestCentroid.TOPICS_KEPT)));
        }
        profile.topics = topics(state.get("topics"), Profile.TOPICS_KEPT);
        List<String> heardIds = (List<String>) state.getOrDefault("heard_ids", List.of());
        List<Number> heardTimes = (List<Number>) state.getOrDefault("heard_times", List.of());
        List<Number> heardWeights = (List<Number>) state.getOrDefault("heard_weights", List.of());
        for (int i = 0; i < heardIds.size(); i++) {
            // profiles written before weights were kept count as neutral: heard, but no seed
            float weight = i < heardWeights.size() ? heardWeights.get(i).floatValue() : 0f;
            profile.heard.add(new Profile.Heard(heardIds.get(i), heardTimes.get(i).longValue(), weight));
        }
        List<Profile.DeclaredTopic> declared = new ArrayList<>();
        for (Map<String, Object> topic : (List<Map<String, Object>>) state.getOrDefault("declared", List.of())) {
            declared.add(new Profile.DeclaredTopic((String) topic.get("label"), decode((String) topic.get("vector"))));
        }
        profile.declaredTopics(declared);
    }

    @SuppressWarnings("unchecked")
    private static DecayedVector readVector(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> fields = (Map<String, Object>) map;
        float[] values = decode((String) fields.get("sum"));
        double[] sum = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            sum[i] = values[i];
        }
        return new DecayedVector(sum, ((Number) fields.get("mass")).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static TopicWeights topics(Object value, int capacity) {
        Map<String, Double> weights = new java.util.HashMap<>();
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((topic, weight) -> weights.put(topic, ((Number) weight).doubleValue()));
        }
        return new TopicWeights(weights, capacity);
    }

    /** Little-endian float32, base64. */
    public static String encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    public static float[] decode(String base64) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[buffer.remaining() / Float.BYTES];
        buffer.asFloatBuffer().get(vector);
        return vector;
    }
}
