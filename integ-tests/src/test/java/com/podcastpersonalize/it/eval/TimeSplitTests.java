package com.podcastpersonalize.it.eval;

import org.opensearch.test.OpenSearchTestCase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class TimeSplitTests extends OpenSearchTestCase {

    private static List<Interaction> history(String listener, int n) {
        List<Interaction> interactions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            interactions.add(new Interaction(listener, "i" + i, 4, 1000 + i));
        }
        return interactions;
    }

    public void testTheLatestShareIsHeldOutWhateverTheInputOrder() {
        List<Interaction> all = history("u", 10);
        Collections.shuffle(all, random());
        List<ListenerSplit> splits = TimeSplit.split(all, 0.2);
        assertEquals(1, splits.size());
        assertEquals(List.of("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7"), splits.get(0).trainItems());
        assertEquals(List.of("i8", "i9"), splits.get(0).heldOut().stream().map(Interaction::item).toList());
    }

    public void testRoundsAndKeepsAtLeastOneOnEachSide() {
        assertEquals(2, TimeSplit.split(history("u", 5), 0.3).get(0).heldOut().size()); // 1.5 rounds to 2
        assertEquals(1, TimeSplit.split(history("u", 2), 0.2).get(0).heldOut().size());
        assertEquals(1, TimeSplit.split(history("u", 2), 0.9).get(0).train().size());
        assertTrue(TimeSplit.split(history("u", 1), 0.2).isEmpty());
    }

    public void testTiesInTimeAreOrderedByItem() {
        List<Interaction> all = List.of(new Interaction("u", "b", 4, 5), new Interaction("u", "a", 4, 5), new Interaction("u", "c", 4, 1));
        assertEquals(List.of("c", "a"), TimeSplit.split(all, 0.3).get(0).trainItems());
    }

    public void testValidationSplitsTheTrainingPartAgain() {
        List<Interaction> all = new ArrayList<>(history("u", 10));
        all.addAll(history("v", 5));
        List<ListenerSplit> validation = TimeSplit.validation(TimeSplit.split(all, 0.2), 0.2);
        assertEquals(2, validation.size());
        ListenerSplit u = validation.stream().filter(s -> s.listener().equals("u")).findFirst().orElseThrow();
        assertEquals(List.of("i0", "i1", "i2", "i3", "i4", "i5"), u.trainItems()); // 8 training items, the latest 2 for validation
        assertEquals(List.of("i6", "i7"), u.heldOut().stream().map(Interaction::item).toList());
    }

    public void testRefusesAFractionOutsideTheOpenUnitInterval() {
        expectThrows(IllegalArgumentException.class, () -> TimeSplit.split(history("u", 3), 0));
        expectThrows(IllegalArgumentException.class, () -> TimeSplit.split(history("u", 3), 1));
    }
}
