package com.podcastpersonalize.ranker;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.util.Map;

public class RankerTrainingParametersTests extends OpenSearchTestCase {

    private static RankerTrainingParameters parse(String json) throws IOException {
        return TrainingBodies.parse(json, RankerTrainingParameters::parse);
    }

    private static void assertRefused(String json, String expected) {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(json + " -> " + e.getMessage(), e.getMessage().contains(expected));
    }

    public void testAnEmptyObjectMeansTheDefaults() throws IOException {
        assertEquals(RankerTrainingParameters.defaults(), parse("{}"));
        assertEquals(new ValidationWindow.Days(7), RankerTrainingParameters.defaults().validation());
        assertEquals(ModelType.LOGISTIC, RankerTrainingParameters.defaults().model());
        assertEquals(2, RankerTrainingParameters.defaults().negativesPerPositive());
    }

    public void testEveryFieldIsRead() throws IOException {
        assertEquals(
            new RankerTrainingParameters(new ValidationWindow.Days(14), ModelType.MLP, 4, 9),
            parse("{\"validation_days\": 14, \"model\": \"mlp\", \"negatives_per_positive\": 4, \"seed\": 9}")
        );
        assertEquals(new ValidationWindow.Share(0.2), parse("{\"validation_share\": 0.2}").validation());
        assertEquals(new ValidationWindow.Share(0.9), parse("{\"validation_share\": 0.9, \"model\": \"mlp\"}").validation());
    }

    public void testOneValidationWindowAtATime() {
        assertRefused("{\"validation_days\": 7, \"validation_share\": 0.2}", "[validation_days] and [validation_share] cannot both be set");
        assertRefused("{\"validation_share\": 0.2, \"validation_days\": 30}", "[validation_days] and [validation_share] cannot both be set");
    }

    public void testBadSharesNameTheField() {
        assertRefused("{\"validation_share\": 0}", "[validation_share] must be a number above 0 and at most 0.9, got [0.0]");
        assertRefused("{\"validation_share\": -0.2}", "[validation_share] must be a number above 0 and at most 0.9, got [-0.2]");
        assertRefused("{\"validation_share\": 0.95}", "[validation_share] must be a number above 0 and at most 0.9, got [0.95]");
        assertRefused("{\"validation_share\": 1}", "[validation_share] must be a number above 0 and at most 0.9, got [1.0]");
        assertRefused("{\"validation_share\": 1e400}", "[validation_share] must be a number above 0 and at most 0.9, got [Infinity]");
        assertRefused("{\"validation_share\": \"0.2\"}", "[validation_share] must be a number, got [0.2]");
        assertRefused("{\"validation_share\": \"NaN\"}", "[validation_share] must be a number, got [NaN]");
        assertRefused("{\"validation_share\": true}", "[validation_share] must be a number, got [true]");
        assertRefused("{\"validation_share\": null}", "[validation_share] must be a number, got [null]");
        assertRefused("{\"validation_days\": null}", "[validation_days] must be a whole number, got [null]");
        assertRefused("{\"validation_share\": NaN}", "[validation_share] is not a valid JSON value: Non-standard token 'NaN'");
        IllegalArgumentException nan = expectThrows(IllegalArgumentException.class, () -> new ValidationWindow.Share(Double.NaN));
        assertEquals("[validation_share] must be a number above 0 and at most 0.9, got [NaN]", nan.getMessage());
    }

    public void testBadValuesAndUnknownFieldsNameTheField() {
        assertRefused("{\"validation_days\": 0}", "[validation_days] must be between 1 and 3650, got [0]");
        assertRefused("{\"validation_days\": 1.5}", "[validation_days] must be a whole number, got [1.5]");
        assertRefused("{\"validation_days\": \"7\"}", "[validation_days] must be a whole number");
        assertRefused("{\"model\": \"gbdt\"}", "[model] unknown ranker model [gbdt]: use one of logistic, mlp");
        assertRefused("{\"model\": 3}", "[model] must be one of logistic, mlp");
        assertRefused("{\"negatives_per_positive\": -1}", "[negatives_per_positive] must be between 0 and 100");
        assertRefused("{\"epochs\": 3}", "unknown field [epochs]; known: [validation_days, validation_share, model, negatives_per_positive, seed]");
        assertRefused("[1]", "the request body must be a JSON object");
    }

    public void testTheParametersTravelBetweenNodes() throws IOException {
        for (ValidationWindow window : new ValidationWindow[] { new ValidationWindow.Days(3), new ValidationWindow.Share(0.25) }) {
            RankerTrainingParameters parameters = new RankerTrainingParameters(window, ModelType.MLP, 0, -5);
            try (BytesStreamOutput out = new BytesStreamOutput()) {
                parameters.writeTo(out);
                assertEquals(parameters, new RankerTrainingParameters(out.bytes().streamInput()));
            }
        }
    }

    public void testTheStoredFormShowsTheFieldThatWasSetAndReadsBack() throws IOException {
        RankerTrainingParameters share = new RankerTrainingParameters(new ValidationWindow.Share(0.2), ModelType.LOGISTIC, 2, 42);
        Map<String, Object> stored = stored(share);
        assertEquals(Map.of("validation_share", 0.2, "model", "logistic", "negatives_per_positive", 2, "seed", 42), stored);
        assertEquals(share, RankerTrainingParameters.read(stored));
        RankerTrainingParameters days = RankerTrainingParameters.defaults();
        assertEquals(Map.of("validation_days", 7, "model", "logistic", "negatives_per_positive", 2, "seed", 42), stored(days));
        assertEquals(days, RankerTrainingParameters.read(stored(days)));
    }

    public void testADocumentStoredBeforeValidationShareExistedStillReads() {
        // as status and model documents were written before: validation_days only
        Map<String, Object> old = Map.of("validation_days", 180, "model", "mlp", "negatives_per_positive", 2, "seed", 42);
        assertEquals(new RankerTrainingParameters(new ValidationWindow.Days(180), ModelType.MLP, 2, 42), RankerTrainingParameters.read(old));
    }

    private static Map<String, Object> stored(RankerTrainingParameters parameters) throws IOException {
        try (XContentBuilder builder = JsonXContent.contentBuilder()) {
            parameters.toXContent(builder, ToXContent.EMPTY_PARAMS);
            return XContentHelper.convertToMap(BytesReference.bytes(builder), false, MediaTypeRegistry.JSON).v2();
        }
    }
}
