package com.podcastpersonalize.ranker;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.util.Map;

public class ValidationWindowTests extends OpenSearchTestCase {

    private static final long T0 = 1_700_000_000_000L;
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    /** Times {@code T0 + minutes[i]} minutes. */
    private static long[] minutes(long... minutes) {
        long[] times = new long[minutes.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = T0 + minutes[i] * MINUTE;
        }
        return times;
    }

    private static void assertMessage(ThrowingRunnable action, String expected) {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }

    public void testTheShareCutIsTheTimeOfTheEventAtThatQuantile() {
        // ten events in any order: the latest 2 (a fifth) validate, so the cut is the 9th time
        long[] times = minutes(7, 0, 9, 1, 8, 2, 3, 4, 5, 6);
        assertEquals(T0 + 8 * MINUTE, new ValidationWindow.Share(0.2).cut(times));
        assertEquals(T0 + 5 * MINUTE, new ValidationWindow.Share(0.5).cut(times));
        assertEquals(T0 + MINUTE, new ValidationWindow.Share(0.9).cut(times));
        // at least one event validates, however small the share
        assertEquals(T0 + 9 * MINUTE, new ValidationWindow.Share(0.01).cut(times));
        assertEquals("the input is not reordered", T0 + 7 * MINUTE, times[0]);
    }

    public void testEventsTiedAtTheCutAllValidate() {
        // the cut falls on a time three events share: all three validate (more than the share), none trains
        long[] times = minutes(0, 1, 2, 3, 4, 5, 6, 8, 8, 8);
        assertEquals(T0 + 8 * MINUTE, new ValidationWindow.Share(0.2).cut(times));
        long cut = new ValidationWindow.Share(0.2).cut(times);
        assertEquals(3, java.util.Arrays.stream(times).filter(t -> t >= cut).count());
    }

    public void testAllEqualTimesCannotBeSplitAndSaySo() {
        long[] same = minutes(5, 5, 5, 5, 5);
        assertMessage(
            () -> new ValidationWindow.Share(0.2).cut(same),
            "[validation_share] 0.2 leaves no events to train on: all 5 events have the same time [2023-11-14T22:18:20Z], so no time splits them"
        );
        assertMessage(() -> new ValidationWindow.Share(0.5).cut(minutes(3)), "all 1 events have the same time");
        assertMessage(
            () -> new ValidationWindow.Days(1).cut(same),
            "[validation_days] 1 leaves no events to train on: all 5 events are within the last day (they span 0s, from 2023-11-14T22:18:20Z "
                + "to 2023-11-14T22:18:20Z); use validation_share (e.g. 0.2) to validate on the latest share of the events"
        );
    }

    public void testACutOnTheEarliestTimeLeavesNothingToTrainOnAndSaysSo() {
        // 8 of 10 events at the first time: the latest half reaches back to it
        long[] times = minutes(0, 0, 0, 0, 0, 0, 0, 0, 1, 2);
        assertMessage(
            () -> new ValidationWindow.Share(0.5).cut(times),
            "[validation_share] 0.5 leaves no events to train on: the latest 5 of the 10 events reach back to the earliest time "
                + "[2023-11-14T22:13:20Z], which 8 events share; use a smaller validation_share"
        );
        assertEquals(T0 + MINUTE, new ValidationWindow.Share(0.2).cut(times));
    }

    public void testTheDaysCutCountsBackFromTheNewestEvent() {
        long[] times = { T0, T0 + 3 * DAY, T0 + 10 * DAY, T0 + 20 * DAY };
        assertEquals(T0 + 13 * DAY, new ValidationWindow.Days(7).cut(times));
        assertEquals(T0 + DAY, new ValidationWindow.Days(19).cut(times));
    }

    public void testDaysOnEventsWithinAnHourPointToTheShare() {
        long[] hour = minutes(0, 10, 20, 59);
        assertMessage(
            () -> new ValidationWindow.Days(7).cut(hour),
            "[validation_days] 7 leaves no events to train on: all 4 events are within the last 7 days (they span 59m, from "
                + "2023-11-14T22:13:20Z to 2023-11-14T23:12:20Z); use fewer validation_days, or validation_share (e.g. 0.2)"
        );
        assertMessage(() -> new ValidationWindow.Days(20).cut(new long[] { T0, T0 + 20 * DAY }), "[validation_days] 20 leaves no events to train on");
    }

    public void testNoEvents() {
        assertMessage(() -> new ValidationWindow.Share(0.2).cut(new long[0]), "no listening events to learn from");
        assertMessage(() -> new ValidationWindow.Days(7).cut(new long[0]), "no listening events to learn from");
    }

    public void testBadValuesNameTheField() {
        for (double bad : new double[] { Double.NaN, -0.2, 0, 0.91, 1, Double.POSITIVE_INFINITY }) {
            assertMessage(() -> new ValidationWindow.Share(bad), "[validation_share] must be a number above 0 and at most 0.9, got [" + bad + "]");
        }
        assertMessage(() -> new ValidationWindow.Days(0), "[validation_days] must be between 1 and 3650, got [0]");
        assertMessage(() -> new ValidationWindow.Days(3651), "[validation_days] must be between 1 and 3650");
    }

    public void testOneFieldOrTheOtherOrTheDefault() {
        assertEquals(new ValidationWindow.Days(7), ValidationWindow.of(null, null));
        assertEquals(new ValidationWindow.Days(30), ValidationWindow.of(30, null));
        assertEquals(new ValidationWindow.Share(0.2), ValidationWindow.of(null, 0.2));
        assertMessage(() -> ValidationWindow.of(7, 0.2), "[validation_days] and [validation_share] cannot both be set");
    }

    public void testStoredAndSentFormsReadBack() throws IOException {
        assertEquals(new ValidationWindow.Share(0.25), ValidationWindow.read(Map.of("validation_share", 0.25, "model", "mlp")));
        assertEquals(new ValidationWindow.Days(14), ValidationWindow.read(Map.of("validation_days", 14, "model", "mlp")));
        for (ValidationWindow window : new ValidationWindow[] { new ValidationWindow.Days(3), new ValidationWindow.Share(0.3) }) {
            try (BytesStreamOutput out = new BytesStreamOutput()) {
                window.writeTo(out);
                assertEquals(window, ValidationWindow.readFrom(out.bytes().streamInput()));
            }
        }
    }
}
