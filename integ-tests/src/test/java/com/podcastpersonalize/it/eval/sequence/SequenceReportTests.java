package com.podcastpersonalize.it.eval.sequence;

import com.podcastpersonalize.it.eval.DatasetResult;
import com.podcastpersonalize.it.eval.SystemResult;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

import java.util.List;
import java.util.Map;

/** The comparison section on made-up figures (rendering and the paired interval; nothing here is measured). */
public class SequenceReportTests extends OpenSearchTestCase {

    private static SystemResult system(String name, double... perListener) {
        double mean = java.util.Arrays.stream(perListener).average().orElseThrow();
        return new SystemResult(name, "experiment", "p", perListener.length, mean, mean, mean, 0.1, 0.5, 1.0, 0, perListener);
    }

    private static DatasetResult result(SystemResult... systems) {
        return new DatasetResult("toy", "toy", 10, 4, 4, 40, List.of(systems), null,
            Map.of(SequenceInterestComparison.TRAINING_SECONDS, 12.4));
    }

    public void testTheGruWinsOnlyWhenTheWholeIntervalIsAboveTheShortTermVector() {
        DatasetResult doubled = result(system(SequenceInterestComparison.SHORT_TERM, 0.1, 0.2, 0.1, 0.2),
            system(SequenceInterestComparison.GRU, 0.2, 0.4, 0.2, 0.4), system(SequenceInterestComparison.COMBINED, 0.1, 0.3, 0.1, 0.3));
        SequenceReport report = SequenceReport.of(doubled, 1).orElseThrow();
        assertEquals(1.0, report.gain(), 1e-9);
        assertEquals("every resample doubles", 1.0, report.gainLow(), 1e-9);
        assertTrue(report.gruWins());
        String md = SequenceReport.markdown(doubled, 1);
        assertTrue(md, md.contains("| k-NN on GRU next interest | 0.3000 |"));
        assertTrue(md, md.contains("GRU vs short-term: NDCG@10 +100.0 % (95 % CI +100.0 % .. +100.0 %) → the GRU wins"));
        assertTrue(md, md.contains("GRU training: 12 s"));

        DatasetResult mixed = result(system(SequenceInterestComparison.SHORT_TERM, 0.1, 0.5, 0.1, 0.5),
            system(SequenceInterestComparison.GRU, 0.5, 0.1, 0.5, 0.1), system(SequenceInterestComparison.COMBINED, 0.3, 0.3, 0.3, 0.3));
        SequenceReport even = SequenceReport.of(mixed, 1).orElseThrow();
        assertFalse("some resamples favour each: " + even, even.gruWins());
        assertTrue(SequenceReport.markdown(mixed, 1).contains("no clear win for the GRU"));
    }

    public void testARunWithoutTheComparisonHasNoSection() throws Exception {
        DatasetResult without = result(system("popularity", 0.1, 0.2));
        assertEquals("", SequenceReport.markdown(without, 1));
        try (XContentBuilder b = JsonXContent.contentBuilder().startObject()) {
            SequenceReport.json(b, without, 1);
            assertEquals("{}", b.endObject().toString());
        }
        DatasetResult with = result(system(SequenceInterestComparison.SHORT_TERM, 0.1, 0.2), system(SequenceInterestComparison.GRU, 0.2, 0.4),
            system(SequenceInterestComparison.COMBINED, 0.1, 0.3));
        try (XContentBuilder b = JsonXContent.contentBuilder().startObject()) {
            SequenceReport.json(b, with, 1);
            String json = b.endObject().toString();
            assertTrue(json, json.contains("\"gru_ndcg_at_10\":0.30000000000000004") || json.contains("\"gru_ndcg_at_10\":0.3"));
            assertTrue(json, json.contains("\"gru_wins\":true") && json.contains("\"gru_training_seconds\":12.4"));
        }
    }
}
