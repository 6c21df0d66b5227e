package com.podcastpersonalize.model;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.opensearch.test.OpenSearchTestCase;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bundled bge-small-en-v1.5 (quantized) run through DJL + OnnxRuntime, on real sentences. */
public class TextEmbeddingModelTests extends OpenSearchTestCase {

    private static final int MAX_BATCH_TOKENS = 8192;

    public void testVectorsAreUnitLengthWith384Dimensions() throws Exception {
        float[][] vectors = BundledModelTestSupport.model()
            .embed(List.of("The history of jazz in New Orleans", "x", "Ünïcödé and emoji 🎙️ podcasts"), InputType.DOCUMENT, 16, MAX_BATCH_TOKENS);
        assertEquals(3, vectors.length);
        for (float[] vector : vectors) {
            assertEquals(384, vector.length);
            assertEquals(1.0, VectorMath.norm(vector), 1e-5);
        }
    }

    public void testParaphrasesScoreClearlyHigherThanUnrelatedPairs() throws Exception {
        String[][] paraphrases = {
            { "A true crime podcast about an unsolved murder in a small town.", "An unsolved small-town killing investigated in a crime series." },
            { "The origins of jazz music in New Orleans.", "How jazz was born in New Orleans." },
            { "Tips for training for your first marathon.", "How to prepare to run a marathon for the first time." } };
        float[][] a = BundledModelTestSupport.model().embed(List.of(paraphrases[0][0], paraphrases[1][0], paraphrases[2][0]), InputType.DOCUMENT, 16, MAX_BATCH_TOKENS);
        float[][] b = BundledModelTestSupport.model().embed(List.of(paraphrases[0][1], paraphrases[1][1], paraphrases[2][1]), InputType.DOCUMENT, 16, MAX_BATCH_TOKENS);
        for (int i = 0; i < 3; i++) {
            double same = VectorMath.cosine(a[i], b[i]);
            for (int j = 0; j < 3; j++) {
                if (j != i) {
                    double unrelated = VectorMath.cosine(a[i], b[j]);
                    assertTrue("pair " + i + ": paraphrase " + same + " vs unrelated " + unrelated, same > unrelated + 0.15);
                }
            }
        }
    }

    public void testBatchedAndSingleEmbeddingsAgree() throws Exception {
        List<String> texts = List.of("Short one.", "A somewhat longer sentence about the economics of podcast advertising.", "Interview with a jazz drummer.");
        float[][] batched = BundledModelTestSupport.model().embed(texts, InputType.DOCUMENT, 16, MAX_BATCH_TOKENS);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = BundledModelTestSupport.model().embed(List.of(texts.get(i)), InputType.DOCUMENT, 16, MAX_BATCH_TOKENS)[0];
            // the quantized model's padding changes results slightly (platform.md: cosine ~0.996)
            assertTrue("text " + i + ": " + VectorMath.cosine(single, batched[i]), VectorMath.cosine(single, batched[i]) > 0.99);
        }
    }

    public void testQueryPrefixChangesTheVectorButKeepsTheMeaning() throws Exception {
        float[] asQuery = BundledModelTestSupport.model().embed(List.of("history of jazz"), InputType.QUERY, 16, MAX_BATCH_TOKENS)[0];
        float[] asDocument = BundledModelTestSupport.model().embed(List.of("history of jazz"), InputType.DOCUMENT, 16, MAX_BATCH_TOKENS)[0];
        double cosine = VectorMath.cosine(asQuery, asDocument);
        assertTrue(String.valueOf(cosine), cosine < 0.999 && cosine > 0.7);
    }

    public void testLongTranscriptIsChunkedNotCutAtTheTokenLimit() throws Exception {
        String jazz = "The trumpet player recorded his first jazz album in New Orleans and toured the clubs of the city. ".repeat(60);
        String cooking = "Add the chopped onions to the hot pan and stir the tomato sauce slowly until it thickens. ".repeat(60);
        TextEmbeddingModel model = BundledModelTestSupport.model();
        assertTrue(model.windowCount(jazz + cooking, 16) >= 3);
        float[][] v = model.embed(List.of(jazz + cooking, jazz, cooking), InputType.DOCUMENT, 16, MAX_BATCH_TOKENS);
        // the second half (cooking) must count: cut at 512 tokens, the text would be all jazz
        double toJazz = VectorMath.cosine(v[0], v[1]);
        double toCooking = VectorMath.cosine(v[0], v[2]);
        assertTrue("jazz " + toJazz + " cooking " + toCooking, toCooking > 0.6 && Math.abs(toJazz - toCooking) < 0.2);
    }

    public void testMegabyteTranscriptAndLoneSurrogatesAreHandled() throws Exception {
        String huge = "word ".repeat(220_000) + "\uD800 broken surrogate \uDC00 end";
        float[] vector = BundledModelTestSupport.model().embed(List.of(huge), InputType.DOCUMENT, 8, MAX_BATCH_TOKENS)[0];
        assertEquals(1.0, VectorMath.norm(vector), 1e-5);
    }

    /** bge-small-en-v1.5 publishes 85.9 Spearman on the STS-B test split; the dev split is usually a bit higher. */
    public void testReproducesPublishedQualityOnStsBenchmarkDev() throws Exception {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<Double> gold = new ArrayList<>();
        try (
            BufferedReader reader = new BufferedReader(
                new InputStreamReader(getClass().getResourceAsStream("/sts-benchmark/sts-dev.csv"), StandardCharsets.UTF_8)
            )
        ) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split("\t");
                gold.add(Double.parseDouble(columns[4]));
                first.add(columns[5]);
                second.add(columns[6]);
            }
        }
        assertEquals(1500, gold.size());
        float[][] a = BundledModelTestSupport.model().embed(first, InputType.DOCUMENT, 1, MAX_BATCH_TOKENS);
        float[][] b = BundledModelTestSupport.model().embed(second, InputType.DOCUMENT, 1, MAX_BATCH_TOKENS);
        double[] cosines = new double[gold.size()];
        double[] scores = new double[gold.size()];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = VectorMath.cosine(a[i], b[i]);
            scores[i] = gold.get(i);
        }
        double spearman = 100 * new SpearmansCorrelation().correlation(cosines, scores);
        logger.info("STS-B dev Spearman (cosine vs gold) of the bundled model: {}", String.format(java.util.Locale.ROOT, "%.2f", spearman));
        assertTrue("Spearman " + spearman, spearman > 84.0);
    }
}
