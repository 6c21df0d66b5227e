package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;

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
 * state sits under {@code state} (not indexed), with vectors as base64 of little-endian float32,
 * which is compact and quick to parse.
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

        builder.startObject(STATE);
        builder.field("reference_time", profile.referenceTime());
        writeVector(builder, "long_text", profile.longText());
        writeVector(builder, "short_text", profile.shortText());
        writeVector(builder, "long_audio", profile.longAudio());
        writeVector(builder, "short_audio", profile.shortAudio());
        builder.startArray("interests");
        for (InterestCentroid interest : profile.interests()) {
            builder.startObject();
            writeVectorFields(builder, interest.vector());
            builder.field("topics", interest.topics().asMap());
            builder.endObject();
        }
        builder.endArray();
        builder.field("topics", profile.topics().asMap());
        builder.field("heard_ids", profile.heard().stream().map(Profile.Heard::episodeId).toList());
        builder.field("heard_times", profile.heard().stream().map(Profile.Heard::timestamp).toList());
        builder.field("heard_weights", profile.heard().stream().map(Profile.Heard::weight).toList());
        builder.startArray("declared");
        for (Profile.DeclaredTopic topic : profile.declaredTopics()) {
            builder.startObject().field("label", topic.label()).field("vector", encode(topic.vector())).endObject();
        }
        builder.endArray();
        builder.endObject();
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
        Map<String, Object> state = (Map<String, Object>) source.getOrDefault(STATE, Map.of());
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
        return profile;
    }

    private static void writeVector(XContentBuilder builder, String name, DecayedVector vector) throws IOException {
        if (vector != null) {
            builder.startObject(name);
            writeVectorFields(builder, vector);
            builder.endObject();
        }
    }

    private static void writeVectorFields(XContentBuilder builder, DecayedVector vector) throws IOException {
        builder.field("mass", vector.mass());
        double[] sum = vector.sum();
        float[] values = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            values[i] = (float) sum[i];
        }
        builder.field("sum", encode(values));
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
