package com.podcastpersonalize.model;

import org.opensearch.test.OpenSearchTestCase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

public class ModelCatalogTests extends OpenSearchTestCase {

    public void testBundledCatalogHasTheDefaultModelWithItsFiles() {
        ModelCatalog catalog = ModelCatalog.load(Optional.empty());
        assertEquals("bge-small-en-v1.5-q", catalog.defaultModel());
        ModelDescriptor model = catalog.find("bge-small-en-v1.5-q").orElseThrow();
        assertEquals(384, model.dimension());
        assertEquals(ModelDescriptor.Pooling.CLS, model.pooling());
        assertEquals("OnnxRuntime", model.engine());
        assertTrue(model.normalize());
        assertEquals(Optional.empty(), catalog.missingFiles(model));
        assertTrue(catalog.origin().startsWith("classpath:"));
    }

    public void testNodeConfigFileOverridesTheBundledOneAndResolvesRelativePaths() throws IOException {
        Path dir = createTempDir();
        Files.writeString(dir.resolve("model.onnx"), "not really a model");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.writeString(dir.resolve("models.yml"), """
            default: local
            models:
              local:
                engine: OnnxRuntime
                model_file: model.onnx
                tokenizer_file: tokenizer.json
                dimension: 8
                pooling: mean
              broken:
                engine: OnnxRuntime
                model_file: missing.onnx
                tokenizer_file: tokenizer.json
                dimension: 8
            """);
        ModelCatalog catalog = ModelCatalog.load(Optional.of(dir));
        assertEquals("local", catalog.defaultModel());
        assertEquals(Optional.empty(), catalog.missingFiles(catalog.find("local").orElseThrow()));
        assertEquals(Optional.of("not found: missing.onnx"), catalog.missingFiles(catalog.find("broken").orElseThrow()));
        assertEquals(ModelDescriptor.Pooling.MEAN, catalog.find("local").orElseThrow().pooling());
    }

    public void testMalformedEntriesNameTheModelAndField() {
        assertParseError("models: {}", "[models]");
        assertParseError("models:\n  m: {engine: OnnxRuntime, model_file: a, tokenizer_file: b}\n", "model [m]: [dimension] is required");
        assertParseError("models:\n  m: {engine: OnnxRuntime, model_file: a, tokenizer_file: b, dimension: x}\n", "model [m]: [dimension] must be an integer");
        assertParseError("models:\n  m: {engine: OnnxRuntime, model_file: a, tokenizer_file: b, dimension: 8, pooling: max}\n", "pooling must be one of");
        assertParseError("models:\n  m: {model_file: a, tokenizer_file: b, dimension: 8}\n", "model [m]: [engine] is required");
        assertParseError(
            "default: other\nmodels:\n  m: {engine: OnnxRuntime, model_file: a, tokenizer_file: b, dimension: 8}\n",
            "[default] names model [other]"
        );
    }

    private static void assertParseError(String yaml, String expected) {
        IllegalArgumentException e = expectThrows(
            IllegalArgumentException.class,
            () -> ModelCatalog.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Optional.empty(), "test.yml")
        );
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
}
