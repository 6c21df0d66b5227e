package com.podcastpersonalize.ranker;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;

public class RankerTrainingParametersTests extends OpenSearchTestCase {

    private static RankerTrainingParameters parse(String json) throws IOException {
        try (XContentParser parser = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            return RankerTrainingParameters.parse(parser);
        }
    }

    private static void assertRefused(String json, String expected) {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> parse(json));
        assertTrue(json + " -> " + e.getMessage(), e.getMessage().contains(expected));
    }

    public void testAnEmptyObjectMeansTheDefaults() throws IOException {
        assertEquals(RankerTrainingParameters.defaults(), parse("{}"));
        assertEquals(7, RankerTrainingParameters.defaults().validationDays());
        assertEquals(ModelType.LOGISTIC, RankerTrainingParameters.defaults().model());
        assertEquals(2, RankerTrainingParameters.defaults().negativesPerPositive());
    }

    public void testEveryFieldIsRead() throws IOException {
        assertEquals(
            new RankerTrainingParameters(14, ModelType.MLP, 4, 9),
            parse("{\"validation_days\": 14, \"model\": \"mlp\", \"negatives_per_positive\": 4, \"seed\": 9}")
        );
    }

    public void testBadValuesAndUnknownFieldsNameTheField() {
        assertRefused("{\"validation_days\": 0}", "[validation_days] must be between 1 and 3650, got [0]");
        assertRefused("{\"validation_days\": 1.5}", "[validation_days] must be a whole number, got [1.5]");
        assertRefused("{\"validation_days\": \"7\"}", "[validation_days] must be a whole number");
        assertRefused("{\"model\": \"gbdt\"}", "[model] unknown ranker model [gbdt]: use one of logistic, mlp");
        assertRefused("{\"model\": 3}", "[model] must be one of logistic, mlp");
        assertRefused("{\"negatives_per_positive\": -1}", "[negatives_per_positive] must be between 0 and 100");
        assertRefused("{\"epochs\": 3}", "unknown field [epochs]; known: [validation_days, model, negatives_per_positive, seed]");
        assertRefused("[1]", "the request body must be a JSON object");
    }

    public void testTheParametersTravelBetweenNodes() throws IOException {
        RankerTrainingParameters parameters = new RankerTrainingParameters(3, ModelType.MLP, 0, -5);
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            parameters.writeTo(out);
            assertEquals(parameters, new RankerTrainingParameters(out.bytes().streamInput()));
        }
    }
}
