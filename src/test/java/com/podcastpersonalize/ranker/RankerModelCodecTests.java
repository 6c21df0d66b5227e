package com.podcastpersonalize.ranker;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.test.OpenSearchTestCase;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

public class RankerModelCodecTests extends OpenSearchTestCase {

    public void testLogisticModelRoundTripsExactly() {
        Random random = new Random(1);
        RankerModel model = new RankerModel(
            List.of("bm25", "query_similarity", "popularity"),
            new Standardization(new double[] { 7.123456789012345, 0.3, -1e-9 }, new double[] { 0.1, 1 / 3.0, 0 }),
            new LinearNetwork(new float[] { random.nextFloat(), -random.nextFloat(), 1e-7f }, (float) Math.PI),
            RankerFixtures.metadata(ModelType.LOGISTIC, 16).withVersion(12),
            RankerFixtures.someMetrics()
        );
        assertRoundTrip(model);
    }

    public void testMlpModelRoundTripsExactly() {
        Random random = new Random(2);
        float[][] hidden = new float[16][5];
        for (float[] unit : hidden) {
            for (int i = 0; i < unit.length; i++) {
                unit[i] = (float) random.nextGaussian();
            }
        }
        float[] hiddenBias = new float[16];
        float[] output = new float[16];
        for (int j = 0; j < 16; j++) {
            hiddenBias[j] = (float) random.nextGaussian();
            output[j] = (float) random.nextGaussian();
        }
        RankerModel model = new RankerModel(
            RankerFixtures.featureNames(5),
            new Standardization(new double[] { 1, 2, 3, 4, 5 }, new double[] { 0.5, 0.25, 1, 2, 0 }),
            new MlpNetwork(hidden, hiddenBias, output, -0.75f),
            RankerFixtures.metadata(ModelType.MLP, 16),
            RankerFixtures.someMetrics()
        );
        assertRoundTrip(model);
    }

    public void testUndefinedMetricsAreWrittenAsNullAndReadBackAsNaN() {
        RankerModel model = new RankerModel(
            List.of("a"),
            new Standardization(new double[1], new double[] { 1 }),
            new LinearNetwork(new float[] { 1 }, 0),
            RankerFixtures.metadata(ModelType.LOGISTIC, 16),
            new ValidationMetrics(0.7, 0.6, 0.65, Double.NaN, 10, 3, 0)
        );
        Map<String, Object> source = XContentHelper.convertToMap(RankerModelCodec.toBytes(model), false, MediaTypeRegistry.JSON).v2();
        assertTrue(((Map<?, ?>) source.get("metrics")).containsKey("ndcg_at_10"));
        assertNull(((Map<?, ?>) source.get("metrics")).get("ndcg_at_10"));
        assertRoundTrip(model);
    }

    public void testMissingOrMalformedFieldsAreNamed() {
        assertReadError("{\"format\": 1, \"type\": \"logistic\"}", "[features] is missing");
        assertReadError("{\"format\": 2}", "format [2] is not supported");
        assertReadError("{\"format\": 1, \"type\": \"forest\"}", "unknown ranker model [forest]: use one of logistic, mlp");
        String model = RankerModelCodec.toBytes(
            new RankerModel(List.of("a"), new Standardization(new double[1], new double[] { 1 }), new LinearNetwork(new float[] { 1 }, 0), RankerFixtures.metadata(ModelType.LOGISTIC, 16), RankerFixtures.someMetrics())
        ).utf8ToString();
        assertReadError(model.replace("\"scales\":[1.0]", "\"scales\":[\"x\"]"), "[standardization.scales] must hold only numbers");
        assertReadError(model.replace("\"bias\":0.0", "\"bias\":\"zero\""), "[network.bias] must be a number");
    }

    private static void assertReadError(String json, String expected) {
        IllegalArgumentException e = expectThrows(
            IllegalArgumentException.class,
            () -> RankerModelCodec.fromBytes(new BytesArray(json.getBytes(StandardCharsets.UTF_8)))
        );
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }

    private static void assertRoundTrip(RankerModel model) {
        BytesReference bytes = RankerModelCodec.toBytes(model);
        RankerModel read = RankerModelCodec.fromBytes(bytes);
        assertEquals(model, read);
        assertEquals(RankerModelCodec.toBytes(read), bytes);
        float[] probe = new float[model.featureNames().size()];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = 0.37f * (i + 1);
        }
        assertEquals(model.score(probe), read.score(probe), 0);
        // also through a parsed source map, as a node reads it from the index
        Map<String, Object> source = XContentHelper.convertToMap(bytes, false, MediaTypeRegistry.JSON).v2();
        assertEquals(model, RankerModelCodec.read(source));
        assertEquals(model.type().label(), source.get("type"));
    }
}
