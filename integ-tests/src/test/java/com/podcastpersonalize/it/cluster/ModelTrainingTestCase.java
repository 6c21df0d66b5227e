package com.podcastpersonalize.it.cluster;

import com.podcastpersonalize.plugin.PodcastPersonalizePlugin;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.After;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.threadpool.ThreadPool;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A model trained in the cluster through its REST API ({@code <path>/_train}, {@code <path>},
 * {@code <path>/_cancel}): requests to one node's HTTP address, the training's status, and a block of a
 * node's training thread that catches a training while it runs.
 */
public abstract class ModelTrainingTestCase extends TwoTastesTestCase {

    private final Map<String, RestClient> clients = new HashMap<>();

    /** An answer: its HTTP status and parsed body. */
    protected record Answer(int status, Map<String, Object> body) {}

    /** The model's REST path, e.g. {@code /_plugins/podcast/ranker}. */
    protected abstract String path();

    protected final String train() {
        return path() + "/_train";
    }

    protected final String cancel() {
        return path() + "/_cancel";
    }

    @After
    public void closeNodeClients() throws Exception {
        for (RestClient client : clients.values()) {
            client.close();
        }
        clients.clear();
    }

    protected long startTraining(String node, String body) throws Exception {
        Answer started = on(node, "POST", train(), body);
        assertEquals(started.body().toString(), 202, started.status());
        assertNotNull(started.body().get("task_id"));
        return number(started.body().get("version"));
    }

    /** The status once the training of {@code version} ended (polls; the first training of the JVM loads PyTorch). */
    protected Map<String, Object> awaitEnd(String node, long version) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] last = new Map[1];
        assertBusy(() -> {
            last[0] = on(node, "GET", path(), null).body();
            Map<String, Object> training = training(last[0]);
            assertNotNull(last[0].toString(), training);
            assertEquals(version, number(training.get("version")));
            assertNotEquals(last[0].toString(), "running", training.get("state"));
        }, 5, TimeUnit.MINUTES);
        return last[0];
    }

    /** Sends a request to one node's HTTP address. */
    protected Answer on(String node, String method, String path, String body) throws Exception {
        RestClient client = clients.computeIfAbsent(node, name -> {
            TransportAddress address = internalCluster().getInstance(HttpServerTransport.class, name).boundAddress().publishAddress();
            return RestClient.builder(new HttpHost("http", address.getAddress(), address.getPort())).build();
        });
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body);
        }
        Response response;
        try {
            response = client.performRequest(request);
        } catch (ResponseException e) {
            response = e.getResponse();
        }
        return new Answer(response.getStatusLine().getStatusCode(), parse(EntityUtils.toString(response.getEntity())));
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> training(Map<String, Object> status) {
        return (Map<String, Object>) status.get("training");
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> active(Map<String, Object> status) {
        return (Map<String, Object>) status.get("active");
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> served(Map<String, Object> status) {
        return (Map<String, Object>) status.get("served");
    }

    protected static long number(Object value) {
        if (!(value instanceof Number number)) {
            throw new AssertionError("expected a number, got [" + value + "]");
        }
        return number.longValue();
    }

    /** Occupies a node's one training thread until closed: a training started there waits, running, before it trains. */
    protected final class TrainingPoolBlock implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);

        public TrainingPoolBlock(String node) throws InterruptedException {
            CountDownLatch occupied = new CountDownLatch(1);
            internalCluster().getInstance(ThreadPool.class, node).executor(PodcastPersonalizePlugin.TRAINING_THREAD_POOL).execute(() -> {
                occupied.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(occupied.await(30, TimeUnit.SECONDS));
        }

        @Override
        public void close() {
            release.countDown();
        }
    }
}
