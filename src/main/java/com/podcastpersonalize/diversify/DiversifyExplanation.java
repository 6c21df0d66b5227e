package com.podcastpersonalize.diversify;

import org.apache.lucene.search.Explanation;
import org.opensearch.search.SearchHit;

import java.util.Locale;

/**
 * With {@code "explain": true}, says in each re-ranked hit's explanation why it stands where it
 * does. The score is unchanged: the original explanation becomes the one detail.
 */
final class DiversifyExplanation {

    private DiversifyExplanation() {}

    /**
     * @param window    the hits of the window in their original order
     * @param selection the selection's decision over them
     */
    static void annotate(SearchHit[] window, MaximalMarginalRelevance.Selection selection, DiversifyParameters parameters) {
        int[] order = selection.order();
        for (int position = 0; position < order.length; position++) {
            int original = order[position];
            SearchHit hit = window[original];
            Explanation before = hit.getExplanation();
            String reason = position < selection.picked()
                ? picked(original, position, selection, parameters.lambda())
                : String.format(
                    Locale.ROOT,
                    "podcast_diversify: position %d -> %d of %d, held back below the diversified hits: its show already has %d hits above it (max_per_show)",
                    original + 1,
                    position + 1,
                    order.length,
                    parameters.maxPerShow()
                );
            Explanation annotated = before == null
                ? Explanation.match(hit.getScore(), reason)
                : Explanation.match(before.getValue(), reason, before);
            hit.explanation(annotated);
        }
    }

    private static String picked(int original, int position, MaximalMarginalRelevance.Selection selection, double lambda) {
        double relevance = selection.relevance()[original];
        double similarity = selection.similarity()[original];
        return String.format(
            Locale.ROOT,
            "podcast_diversify: position %d -> %d of %d; value %.3f = (1 - lambda %.2f) x relevance %.3f - lambda x similarity to the hits above %.3f",
            original + 1,
            position + 1,
            selection.order().length,
            (1 - lambda) * relevance - lambda * similarity,
            lambda,
            relevance,
            similarity
        );
    }
}
