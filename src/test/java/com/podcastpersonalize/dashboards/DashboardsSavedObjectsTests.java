package com.podcastpersonalize.dashboards;

import com.podcastpersonalize.listeners.ListenerIndices;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.test.OpenSearchTestCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Dashboards saved objects in {@code config/dashboards} use only fields that exist, with a
 * type their aggregation can use, in the mappings the plugin creates (events, profiles) and the
 * episodes mapping it ships ({@code config/episodes-index.json}); every reference resolves.
 */
public class DashboardsSavedObjectsTests extends OpenSearchTestCase {

    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "float", "double", "half_float");

    public void testEveryFieldExistsWithASuitableType() throws IOException {
        List<Map<String, Object>> objects = savedObjects();
        Map<String, Map<String, String>> fieldsByPattern = new HashMap<>();
        Set<String> visualizations = new HashSet<>();
        for (Map<String, Object> object : objects) {
            if ("index-pattern".equals(object.get("type"))) {
                String title = (String) attributes(object).get("title");
                Map<String, String> fields = fieldsOf(title);
                fieldsByPattern.put((String) object.get("id"), fields);
                String timeField = (String) attributes(object).get("timeFieldName");
                if (timeField != null) {
                    assertEquals(title + " time field " + timeField, "date", fields.get(timeField));
                }
            } else if ("visualization".equals(object.get("type"))) {
                visualizations.add((String) object.get("id"));
            }
        }
        assertEquals(Set.of("podcast-episodes", "podcast-events", "podcast-profiles"), fieldsByPattern.keySet());
        int checkedAggregations = 0;
        for (Map<String, Object> object : objects) {
            if ("visualization".equals(object.get("type"))) {
                String pattern = reference(object, "kibanaSavedObjectMeta.searchSourceJSON.index");
                Map<String, String> fields = fieldsByPattern.get(pattern);
                assertNotNull(object.get("id") + " uses unknown index pattern " + pattern, fields);
                Map<String, Object> visState = json((String) attributes(object).get("visState"));
                for (Object agg : (List<?>) visState.get("aggs")) {
                    Map<?, ?> aggregation = (Map<?, ?>) agg;
                    String field = (String) ((Map<?, ?>) aggregation.get("params")).get("field");
                    if (field == null) {
                        continue;
                    }
                    String type = fields.get(field);
                    String where = object.get("id") + " " + aggregation.get("type") + " on " + field;
                    assertNotNull(where + ": no such field in " + pattern, type);
                    switch ((String) aggregation.get("type")) {
                        case "date_histogram" -> assertEquals(where, "date", type);
                        case "avg", "sum", "max", "min" -> assertTrue(where + " is " + type, NUMERIC.contains(type));
                        case "terms", "cardinality" -> assertTrue(where + " is " + type, type.equals("keyword") || NUMERIC.contains(type));
                        default -> fail(where + ": aggregation not checked by this test");
                    }
                    checkedAggregations++;
                }
            } else if ("dashboard".equals(object.get("type"))) {
                List<?> panels = (List<?>) json("{\"p\":" + attributes(object).get("panelsJSON") + "}").get("p");
                for (Object panel : panels) {
                    String id = reference(object, (String) ((Map<?, ?>) panel).get("panelRefName"));
                    assertTrue("dashboard panel refers to missing visualization " + id, visualizations.contains(id));
                }
                assertEquals(visualizations.size(), panels.size());
            }
        }
        assertTrue(checkedAggregations >= 10);
    }

    private static Map<String, String> fieldsOf(String indexPatternTitle) throws IOException {
        Map<String, Object> mapping = switch (indexPatternTitle) {
            case "podcast-events" -> map(ListenerIndices.eventsMapping());
            case "podcast-profiles" -> map(ListenerIndices.profilesMapping());
            case "episodes" -> mappingsOf(json(Files.readString(Path.of("config/episodes-index.json"))));
            default -> throw new AssertionError("index pattern " + indexPatternTitle + " matches no index the plugin creates or documents");
        };
        Map<String, String> fields = new HashMap<>();
        flatten("", mapping, fields);
        return fields;
    }

    /** field path → type, including sub-fields ({@code show_title.raw}) and object properties ({@code counts.play}). */
    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> mapping, Map<String, String> into) {
        Map<String, Object> properties = (Map<String, Object>) mapping.get("properties");
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            Map<String, Object> field = (Map<String, Object>) entry.getValue();
            String path = prefix + entry.getKey();
            into.put(path, (String) field.getOrDefault("type", "object"));
            flatten(path + ".", field, into);
            Map<String, Object> subFields = (Map<String, Object>) field.get("fields");
            if (subFields != null) {
                for (Map.Entry<String, Object> sub : subFields.entrySet()) {
                    into.put(path + "." + sub.getKey(), (String) ((Map<String, Object>) sub.getValue()).get("type"));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mappingsOf(Map<String, Object> indexBody) {
        return (Map<String, Object>) indexBody.get("mappings");
    }

    private static List<Map<String, Object>> savedObjects() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("config/dashboards/podcast-personalize.ndjson"))) {
            if (!line.isBlank()) {
                objects.add(json(line));
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> object) {
        return (Map<String, Object>) object.get("attributes");
    }

    private static String reference(Map<String, Object> object, String name) {
        for (Object reference : (List<?>) object.get("references")) {
            if (name.equals(((Map<?, ?>) reference).get("name"))) {
                return (String) ((Map<?, ?>) reference).get("id");
            }
        }
        throw new AssertionError(object.get("id") + " has no reference named " + name);
    }

    private static Map<String, Object> map(XContentBuilder builder) {
        return XContentHelper.convertToMap(BytesReference.bytes(builder), false, builder.contentType()).v2();
    }

    private static Map<String, Object> json(String text) throws IOException {
        try (var parser = JsonXContent.jsonXContent.createParser(null, null, text)) {
            return parser.map();
        }
    }
}
