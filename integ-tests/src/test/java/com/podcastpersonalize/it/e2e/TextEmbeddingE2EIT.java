package com.podcastpersonalize.it.e2e;

import com.podcastpersonalize.it.support.EpisodeCatalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Text embeddings inside the real node (DJL + OnnxRuntime under the node's Java agent), through the official client. */
public class TextEmbeddingE2EIT {

    private static RealNode node;

    @BeforeClass
    public static void connect() {
        node = RealNode.fromBuild();
    }

    @AfterClass
    public static void disconnect() throws IOException {
        node.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    public void episodesIndexedThroughThePipelineAreFoundByMeaning() throws Exception {
        String index = "e2e-episodes";
        putPipeline();
        if (node.client.indices().exists(e -> e.index(index)).value()) {
            node.client.indices().delete(d -> d.index(index));
        }
        node.client.indices().create(c -> c.index(index)
            .settings(s -> s.knn(true).numberOfShards(1).numberOfReplicas(0).defaultPipeline("e2e-text"))
            .mappings(m -> m
                .properties("title", Property.of(p -> p.text(t -> t)))
                .properties("description", Property.of(p -> p.text(t -> t)))
                .properties("topics", Property.of(p -> p.keyword(k -> k)))
                .properties("text_vector", Property.of(p -> p.knnVector(k -> k.dimension(384)
                    .method(me -> me.name("hnsw").engine("lucene").spaceType("cosinesimil")))))));

        List<EpisodeCatalog.Episode> catalog = EpisodeCatalog.load();
        List<EpisodeCatalog.Episode> episodes = new ArrayList<>(catalog.subList(1000, 1199));
        episodes.add(catalog.stream().filter(e -> e.id().equals("1950")).findFirst().orElseThrow());
        List<BulkOperation> operations = new ArrayList<>();
        for (EpisodeCatalog.Episode episode : episodes) {
            Map<String, Object> doc = Map.of("title", episode.title(), "description", episode.description());
            operations.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(episode.id()).document(doc))));
        }
        BulkResponse bulk = node.client.bulk(b -> b.operations(operations).refresh(org.opensearch.client.opensearch._types.Refresh.True));
        assertFalse(bulk.items().stream().filter(i -> i.error() != null).map(i -> i.error().reason()).findFirst().orElse("none"), bulk.errors());

        List<Float> vector = embed("passenger train crash in Washington state: what we still need to know");
        SearchResponse<Map> result = node.client.search(s -> s.index(index).size(3)
            .query(q -> q.knn(k -> k.field("text_vector").vector(vector).k(10))), Map.class);
        List<String> ids = result.hits().hits().stream().map(Hit::id).toList();
        assertEquals(ids.toString(), "1950", ids.get(0));
        Map<String, Object> top = result.hits().hits().get(0).source();
        assertEquals(3, ((List<?>) top.get("topics")).size());
    }

    @Test
    public void infoShowsTheModelLoadedAfterUse() throws Exception {
        embed("warm up the model");
        try (Response response = node.client.generic().execute(Requests.builder().method("GET").endpoint("/_plugins/podcast/info").build())) {
            String body = response.getBody().orElseThrow().bodyAsString();
            assertTrue(body, body.contains("\"loaded\":true"));
        }
    }

    private static void putPipeline() throws IOException {
        String pipeline = """
            {"processors": [{"podcast_text_embedding": {"source_fields": ["title", "description"],
              "target_field": "text_vector", "topics_field": "topics"}}]}""";
        try (Response response = node.client.generic().execute(Requests.builder().method("PUT").endpoint("/_ingest/pipeline/e2e-text")
            .json(pipeline).build())) {
            assertEquals(response.getBody().map(b -> b.bodyAsString()).orElse(""), 200, response.getStatus());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Float> embed(String text) throws IOException {
        try (Response response = node.client.generic().execute(Requests.builder().method("POST").endpoint("/_plugins/podcast/embed")
            .json("{\"texts\": [" + JsonData.of(text).toJson(node.client._transport().jsonpMapper()) + "], \"input_type\": \"query\"}").build())) {
            String body = response.getBody().orElseThrow().bodyAsString();
            assertEquals(body, 200, response.getStatus());
            Map<String, Object> parsed = new ObjectMapper().readValue(body, Map.class);
            List<List<Number>> embeddings = (List<List<Number>>) parsed.get("embeddings");
            return embeddings.get(0).stream().map(Number::floatValue).toList();
        }
    }
}
