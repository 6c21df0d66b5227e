package com.podcastpersonalize.events;

/**
 * One validated listener event, as the API received it.
 *
 * @param id          the event id: given by the client, or derived from its content (see {@link EventIds})
 * @param listenerId  the listener id as stored (pseudonymized when the setting says so)
 * @param episodeId   the episode, or null (search events; subscriptions to a show)
 * @param type        what happened
 * @param timestamp   when, in epoch milliseconds (event time, not arrival time)
 * @param positionS   seconds listened, or null
 * @param durationS   length of the episode in seconds, or null
 * @param show        the show (subscriptions; else filled in from the episode), or null
 * @param query       the search text of a search event, else null
 */
public record ListenerEvent(
    String id,
    String listenerId,
    String episodeId,
    EventType type,
    long timestamp,
    Double positionS,
    Double durationS,
    String show,
    String query
) {

    /** The fraction of the episode listened to, in [0, 1], or null when position or duration is missing. */
    public Double fractionListened() {
        if (positionS == null || durationS == null || durationS <= 0) {
            return null;
        }
        return Math.max(0.0, Math.min(1.0, positionS / durationS));
    }
}
