package com.podcastpersonalize.it.cluster;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.Cancellable;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.ResponseListener;
import org.opensearch.common.settings.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A full inference queue answers 429 instead of piling up work; the node stays healthy. */
public class InferenceBackpressureIT extends PodcastClusterTestCase {

    @Override
    protected Settings nodeSettings(int nodeOrdinal) {
        return Settings.builder().put(super.nodeSettings(nodeOrdinal)).put("plugins.podcast.inference_pool.queue_size", 1).build();
    }

    @SuppressWarnings("unchecked")
    public void testFullQueueRejectsWith429() throws Exception {
        StringBuilder texts = new StringBuilder();
        for (int i = 0; i < 128; i++) {
            texts.append(i == 0 ? "" : ",").append("\"episode ").append(i).append(" about the long history of radio drama and jazz\"");
        }
        String body = "{\"texts\": [" + texts + "]}";
        int requests = 24;
        CountDownLatch done = new CountDownLatch(requests);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger tooMany = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Cancellable> inFlight = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Request request = new Request("POST", "/_plugins/podcast/embed");
            request.setJsonEntity(body);
            inFlight.add(getRestClient().performRequestAsync(request, new ResponseListener() {
                @Override
                public void onSuccess(Response response) {
                    ok.incrementAndGet();
                    done.countDown();
                }

                @Override
                public void onFailure(Exception e) {
                    if (e instanceof ResponseException re && re.getResponse().getStatusLine().getStatusCode() == 429) {
                        tooMany.incrementAndGet();
                    } else {
                        unexpected.add(String.valueOf(e));
                    }
                    done.countDown();
                }
            }));
        }
        assertTrue("requests did not finish", done.await(120, TimeUnit.SECONDS));
        assertEquals(List.of(), unexpected);
        assertTrue("some requests must be served: " + ok.get(), ok.get() >= 1);
        assertTrue("a queue of 1 must reject some of " + requests + " concurrent requests", tooMany.get() >= 1);
        assertEquals(requests, ok.get() + tooMany.get());
        // the node is healthy and serves again
        Request again = new Request("POST", "/_plugins/podcast/embed");
        again.setJsonEntity("{\"texts\": [\"still here\"]}");
        Map<String, Object> response = parse(EntityUtils.toString(getRestClient().performRequest(again).getEntity()));
        assertEquals(384, response.get("dimension"));
        logger.info("backpressure: {} served, {} rejected with 429", ok.get(), tooMany.get());
    }
}
