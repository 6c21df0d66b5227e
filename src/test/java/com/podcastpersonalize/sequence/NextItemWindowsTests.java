package com.podcastpersonalize.sequence;

import com.podcastpersonalize.model.VectorMath;

import org.opensearch.test.OpenSearchTestCase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class NextItemWindowsTests extends OpenSearchTestCase {

    /** Items a..e along the axes of a 5-d space (a = e0, ...), so that a history can be read back from its layout. */
    private static ItemCatalogue axes() {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        String[] ids = { "e", "c", "a", "d", "b" }; // not in id order: positions follow the ids
        for (String id : ids) {
            float[] v = new float[5];
            v[id.charAt(0) - 'a'] = 2f; // not unit: the catalogue scales it
            vectors.put(id, v);
        }
        vectors.put("zero", new float[5]);
        return ItemCatalogue.of(vectors);
    }

    /** The item whose axis is set at each step of the first history of {@code layout}, "-" for padding. */
    private static String read(float[] layout, int window, int history) {
        StringBuilder steps = new StringBuilder();
        for (int k = 0; k < window; k++) {
            String item = "-";
            for (int d = 0; d < 5; d++) {
                float x = layout[(history * window + k) * 5 + d];
                if (x != 0) {
                    assertEquals("unit vectors", 1f, x, 1e-6f);
                    item = String.valueOf((char) ('a' + d));
                }
            }
            steps.append(item);
        }
        return steps.toString();
    }

    public void testTheCatalogueKeepsItemsWithAVectorInIdOrderAtUnitLength() {
        ItemCatalogue catalogue = axes();
        assertEquals(5, catalogue.size());
        assertEquals(-1, catalogue.position("zero"));
        assertEquals("a", catalogue.id(0));
        assertEquals(1.0, VectorMath.norm(catalogue.vector(catalogue.position("c"))), 1e-6);
        assertArrayEquals(new int[] { 3, 0 }, catalogue.positions(List.of("d", "zero", "missing", "a")));
    }

    public void testEachLatestItemIsATargetOfTheItemsBeforeIt() {
        ItemCatalogue catalogue = axes();
        int[] long1 = catalogue.positions(List.of("a", "b", "c", "d", "e"));
        int[] single = catalogue.positions(List.of("e"));
        int[] pair = catalogue.positions(List.of("c", "a"));
        NextItemWindows windows = new NextItemWindows(catalogue, List.of(long1, single, pair), 3, 2);

        assertEquals("the latest 2 targets of the first, none of a single item, 1 of the pair", 3, windows.size());
        int[] all = { 0, 1, 2 };
        int[] targets = windows.targets(all);
        assertEquals(List.of("d", "e", "a"), List.of(catalogue.id(targets[0]), catalogue.id(targets[1]), catalogue.id(targets[2])));
        float[] layout = windows.histories(all);
        assertEquals(3 * 3 * 5, layout.length);
        assertEquals("the 3 items before d, oldest first", "abc", read(layout, 3, 0));
        assertEquals("never the target itself", "bcd", read(layout, 3, 1));
        assertEquals("left-padded: the latest item is the last step", "--c", read(layout, 3, 2));
    }

    public void testAWindowOrTargetCountBelowOneIsRefused() {
        expectThrows(IllegalArgumentException.class, () -> new NextItemWindows(axes(), List.of(), 0, 5));
        expectThrows(IllegalArgumentException.class, () -> new NextItemWindows(axes(), List.of(), 5, 0));
    }
}
