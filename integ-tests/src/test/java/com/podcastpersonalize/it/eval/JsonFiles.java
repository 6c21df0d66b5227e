package com.podcastpersonalize.it.eval;

import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a JSON file holding an array of objects, with OpenSearch's XContent parser. */
final class JsonFiles {

    private JsonFiles() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readObjects(Path file) throws IOException {
        DataFiles.require(file);
        try (InputStream in = Files.newInputStream(file);
             XContentParser parser = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, in)) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object value : parser.list()) {
                if (!(value instanceof Map<?, ?> object)) {
                    throw new IOException(file + ": expected an array of objects, found " + value);
                }
                objects.add((Map<String, Object>) object);
            }
            return objects;
        }
    }
}
