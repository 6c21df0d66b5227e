package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A listener's interest profile: mutable state that {@link ProfileUpdater} changes event by event
 * and {@link ProfileCodec} stores. Decayed values are held as of {@link #referenceTime()}, the time
 * of the latest event applied (event time, never the wall clock, so that replaying the stored
 * events gives the same profile).
 */
public final class Profile {

    /** A topic the listener declared at sign-up, with its label's embedding. */
    public record DeclaredTopic(String label, float[] vector) {}

    /**
     * An episode the listener heard, when, and how they took it: the {@link EventWeights} weight of
     * the latest event on it (the strongest one when several share that time), &lt; 0 when it pushed away.
     */
    public record Heard(String episodeId, long timestamp, float weight) {

        /** Whether the listener liked it enough to seed collaborative recommendations. */
        public boolean positive() {
            return weight >= EventWeights.POSITIVE;
        }
    }

    static final int TOPICS_KEPT = 50;
    static final int SHOWS_KEPT = 1000;

    private final String listenerId;
    private long referenceTime = -1;
    private long updatedAt;
    private final Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    DecayedVector longText;
    DecayedVector shortText;
    DecayedVector longAudio;
    DecayedVector shortAudio;
    final List<InterestCentroid> interests = new ArrayList<>();
    TopicWeights topics = new TopicWeights(TOPICS_KEPT);
    final List<Heard> heard = new ArrayList<>();
    final TreeSet<String> subscribedShows = new TreeSet<>();
    private List<DeclaredTopic> declaredTopics = List.of();

    public Profile(String listenerId) {
        this.listenerId = listenerId;
    }

    public String listenerId() {
        return listenerId;
    }

    /** Time of the latest applied event (epoch ms), or -1 when none was. */
    public long referenceTime() {
        return referenceTime;
    }

    void referenceTime(long time) {
        this.referenceTime = time;
    }

    /** Wall-clock time of the last write (epoch ms). */
    public long updatedAt() {
        return updatedAt;
    }

    public void updatedAt(long millis) {
        this.updatedAt = millis;
    }

    public Map<EventType, Long> counts() {
        return counts;
    }

    public long totalEvents() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public DecayedVector longText() {
        return longText;
    }

    public DecayedVector shortText() {
        return shortText;
    }

    public DecayedVector longAudio() {
        return longAudio;
    }

    public DecayedVector shortAudio() {
        return shortAudio;
    }

    /** Interest centroids, in the order they were formed. */
    public List<InterestCentroid> interests() {
        return interests;
    }

    public TopicWeights topics() {
        return topics;
    }

    /** Recently heard episodes, latest first. */
    public List<Heard> heard() {
        return heard;
    }

    public TreeSet<String> subscribedShows() {
        return subscribedShows;
    }

    public List<DeclaredTopic> declaredTopics() {
        return declaredTopics;
    }

    public void declaredTopics(List<DeclaredTopic> topics) {
        this.declaredTopics = List.copyOf(topics);
    }

    /** Dimension of the text space the profile is in, or -1 before any text vector. */
    public int textDimension() {
        if (longText != null) {
            return longText.dimension();
        }
        if (shortText != null) {
            return shortText.dimension();
        }
        return declaredTopics.isEmpty() ? -1 : declaredTopics.get(0).vector().length;
    }

    public int audioDimension() {
        return longAudio != null ? longAudio.dimension() : -1;
    }

    /** A deep copy (cached profiles are copied before an update changes them). */
    public Profile copy() {
        Profile copy = new Profile(listenerId);
        copy.referenceTime = referenceTime;
        copy.updatedAt = updatedAt;
        copy.counts.putAll(counts);
        copy.longText = copy(longText);
        copy.shortText = copy(shortText);
        copy.longAudio = copy(longAudio);
        copy.shortAudio = copy(shortAudio);
        for (InterestCentroid interest : interests) {
            copy.interests.add(new InterestCentroid(copy(interest.vector()), new TopicWeights(interest.topics().asMap(), InterestCentroid.TOPICS_KEPT)));
        }
        copy.topics = new TopicWeights(topics.asMap(), TOPICS_KEPT);
        copy.heard.addAll(heard);
        copy.subscribedShows.addAll(subscribedShows);
        copy.declaredTopics = declaredTopics;
        return copy;
    }

    private static DecayedVector copy(DecayedVector vector) {
        return vector == null ? null : new DecayedVector(vector.sum().clone(), vector.mass());
    }

    /** A new profile with the same identity and declared topics, and nothing learned from events (for a rebuild). */
    public Profile emptyCopy() {
        Profile copy = new Profile(listenerId);
        copy.declaredTopics(declaredTopics);
        return copy;
    }
}
