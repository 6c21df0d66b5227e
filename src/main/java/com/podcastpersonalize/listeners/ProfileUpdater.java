package com.podcastpersonalize.listeners;

import com.podcastpersonalize.events.EventType;
import com.podcastpersonalize.events.ListenerEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies events to a profile. The same code serves the incremental path (the events of one request
 * for one listener, folded into one update) and a rebuild (every stored event of the listener), and
 * both sort events by {@link ResolvedEvent#APPLY_ORDER} first.
 *
 * <p>Per event of weight {@code w} (see {@link EventWeights}) at time {@code t}: the decayed sums
 * are brought forward to {@code t} when it is the latest time seen (else the event is decayed back
 * to the profile's time instead); the episode's text vector is added with {@code w} to the long-
 * and short-term text interests, its audio vector to the audio ones, and to the nearest interest
 * centroid when the cosine is at least {@code interest_similarity} (else it starts a new centroid,
 * up to {@code max_interests}; close centroids merge). Negative weights push away: they subtract
 * from the sums and from a centroid they are close to, and never start one.
 */
public final class ProfileUpdater {

    private final ProfileConfig config;

    public ProfileUpdater(ProfileConfig config) {
        this.config = config;
    }

    /** Applies {@code events} in {@link ResolvedEvent#APPLY_ORDER}. */
    public void apply(Profile profile, List<ResolvedEvent> events) {
        List<ResolvedEvent> ordered = new ArrayList<>(events);
        ordered.sort(ResolvedEvent.APPLY_ORDER);
        for (ResolvedEvent event : ordered) {
            apply(profile, event);
        }
    }

    /**
     * Why {@code event} cannot be applied to {@code profile} (its vectors are of another dimension
     * than the profile's), or null when it can.
     */
    public static String incompatibility(Profile profile, ResolvedEvent event) {
        float[] text = event.queryVector() != null ? event.queryVector() : event.episode() == null ? null : event.episode().textVector();
        int textDimension = profile.textDimension();
        if (text != null && textDimension >= 0 && text.length != textDimension) {
            return "the text vector has " + text.length + " dimensions but the listener's profile has " + textDimension;
        }
        float[] audio = event.episode() == null ? null : event.episode().audioVector();
        int audioDimension = profile.audioDimension();
        if (audio != null && audioDimension >= 0 && audio.length != audioDimension) {
            return "the audio vector has " + audio.length + " dimensions but the listener's profile has " + audioDimension;
        }
        return null;
    }

    void apply(Profile profile, ResolvedEvent resolved) {
        ListenerEvent event = resolved.event();
        profile.counts().merge(event.type(), 1L, Long::sum);
        advance(profile, event.timestamp());
        double longFactor = Decay.factor(event.timestamp(), profile.referenceTime(), config.longHalfLifeMillis());
        double shortFactor = Decay.factor(event.timestamp(), profile.referenceTime(), config.shortHalfLifeMillis());
        if (incompatibility(profile, resolved) != null) {
            return; // only under a race with a profile of another model; counted, vectors left alone
        }
        if (event.type() == EventType.SEARCH) {
            if (resolved.queryVector() != null) {
                profile.shortText = add(profile.shortText, resolved.queryVector(), EventWeights.SEARCH * shortFactor);
            }
            return;
        }
        EpisodeFeatures episode = resolved.episode();
        if (event.type() == EventType.SUBSCRIBE) {
            String show = event.show() != null ? event.show() : episode == null ? null : episode.show();
            if (show != null && (profile.subscribedShows.size() < Profile.SHOWS_KEPT || profile.subscribedShows.contains(show))) {
                profile.subscribedShows.add(show);
            }
        }
        if (episode == null) {
            return;
        }
        double weight = EventWeights.weight(event);
        if (episode.textVector() != null) {
            profile.longText = add(profile.longText, episode.textVector(), weight * longFactor);
            profile.shortText = add(profile.shortText, episode.textVector(), weight * shortFactor);
            updateInterests(profile, episode, weight * longFactor);
        }
        if (episode.audioVector() != null) {
            profile.longAudio = add(profile.longAudio, episode.audioVector(), weight * longFactor);
            profile.shortAudio = add(profile.shortAudio, episode.audioVector(), weight * shortFactor);
        }
        profile.topics.add(episode.topics(), weight * longFactor);
        if (event.type().heard()) {
            addHeard(profile, new Profile.Heard(event.episodeId(), event.timestamp(), (float) weight));
        }
    }

    /** Brings every decayed value forward to {@code time} when it is later than the profile's time. */
    void advance(Profile profile, long time) {
        long reference = profile.referenceTime();
        if (reference < 0) {
            profile.referenceTime(time);
            return;
        }
        if (time <= reference) {
            return;
        }
        double longFactor = Decay.factor(reference, time, config.longHalfLifeMillis());
        double shortFactor = Decay.factor(reference, time, config.shortHalfLifeMillis());
        scale(profile.longText, longFactor);
        scale(profile.longAudio, longFactor);
        scale(profile.shortText, shortFactor);
        scale(profile.shortAudio, shortFactor);
        profile.interests.forEach(interest -> interest.scale(longFactor));
        profile.topics.scale(longFactor);
        profile.referenceTime(time);
    }

    private void updateInterests(Profile profile, EpisodeFeatures episode, double weight) {
        float[] vector = episode.textVector();
        double squaredNorm = DecayedVector.squaredNorm(vector);
        InterestCentroid nearest = null;
        double best = Double.NEGATIVE_INFINITY;
        for (InterestCentroid interest : profile.interests) {
            double cosine = interest.vector().cosine(vector, squaredNorm);
            if (cosine > best) {
                best = cosine;
                nearest = interest;
            }
        }
        boolean close = nearest != null && best >= config.interestSimilarity();
        if (weight <= 0) {
            if (close) {
                nearest.vector().add(vector, weight);
                nearest.topics().add(episode.topics(), weight);
            }
            return;
        }
        if (close || (nearest != null && profile.interests.size() >= config.maxInterests())) {
            nearest.vector().add(vector, weight);
            nearest.topics().add(episode.topics(), weight);
            mergeCloseInterests(profile, nearest);
        } else {
            DecayedVector sum = new DecayedVector(vector.length);
            sum.add(vector, weight);
            TopicWeights topics = new TopicWeights(InterestCentroid.TOPICS_KEPT);
            topics.add(episode.topics(), weight);
            profile.interests.add(new InterestCentroid(sum, topics));
        }
    }

    /**
     * Merges {@code changed} with a centroid its cosine reached the threshold with (the later of the two
     * into the earlier), and the result again, until it is close to none. Only the changed centroid is
     * compared: since the last merge the others were only scaled by decay (all alike, so their cosines
     * stay) or pushed away by a negative event, which leaves them for their next positive one.
     */
    private void mergeCloseInterests(Profile profile, InterestCentroid changed) {
        List<InterestCentroid> interests = profile.interests;
        for (int i = interests.indexOf(changed), j = 0; j < interests.size();) {
            if (j != i && interests.get(i).vector().cosine(interests.get(j).vector()) >= config.interestSimilarity()) {
                int kept = Math.min(i, j);
                interests.get(kept).absorb(interests.remove(Math.max(i, j)));
                i = kept;
                j = 0;
            } else {
                j++;
            }
        }
    }

    /** Order of the recently heard list: latest first, then by episode id. */
    static final Comparator<Profile.Heard> HEARD_ORDER = Comparator.comparingLong(Profile.Heard::timestamp).reversed().thenComparing(Profile.Heard::episodeId);

    private void addHeard(Profile profile, Profile.Heard heard) {
        List<Profile.Heard> list = profile.heard;
        int hash = heard.episodeId().hashCode(); // cached by String: most entries are ruled out by it without comparing characters
        for (int i = 0; i < list.size(); i++) {
            Profile.Heard known = list.get(i);
            if (known.episodeId().hashCode() == hash && known.episodeId().equals(heard.episodeId())) {
                if (known.timestamp() > heard.timestamp() || (known.timestamp() == heard.timestamp() && known.weight() >= heard.weight())) {
                    return;
                }
                list.remove(i);
                break;
            }
        }
        // the list is kept in HEARD_ORDER: insert in place (an event is most often the latest: index 0)
        int at = 0;
        while (at < list.size() && HEARD_ORDER.compare(list.get(at), heard) <= 0) {
            at++;
        }
        list.add(at, heard);
        while (list.size() > config.recentHeardSize()) {
            list.remove(list.size() - 1);
        }
    }

    private static DecayedVector add(DecayedVector target, float[] vector, double weight) {
        DecayedVector sum = target == null ? new DecayedVector(vector.length) : target;
        sum.add(vector, weight);
        return sum;
    }

    private static void scale(DecayedVector vector, double factor) {
        if (vector != null) {
            vector.scale(factor);
        }
    }
}
