package com.podcastpersonalize.it.bench;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.opensearch.client.Request;
import org.opensearch.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;

/** The REST calls the benchmarks make on the real node (bin/benchmark starts it), and its memory figures. */
final class BenchNode {

    private BenchNode() {}

    static void put(RestClient client, String path, String json) throws Exception {
        Request request = new Request("PUT", path);
        request.setJsonEntity(json);
        client.performRequest(request);
    }

    static void deleteIndex(RestClient client, String index) throws Exception {
        Request delete = new Request("DELETE", "/" + index);
        delete.addParameter("ignore_unavailable", "true");
        client.performRequest(delete);
    }

    /** Posts an NDJSON body (a _bulk request); returns the response body. */
    static String post(RestClient client, String path, String ndjson) throws Exception {
        Request request = new Request("POST", path);
        request.setEntity(new StringEntity(ndjson, ContentType.create("application/x-ndjson")));
        return EntityUtils.toString(client.performRequest(request).getEntity());
    }

    static long heapUsed(RestClient client) throws Exception {
        return jvmStat(client, "heap_used_in_bytes");
    }

    static String heapMax(RestClient client) throws Exception {
        return (jvmStat(client, "heap_max_in_bytes") >> 20) + " MB";
    }

    private static long jvmStat(RestClient client, String name) throws Exception {
        String stats = EntityUtils.toString(client.performRequest(new Request("GET", "/_nodes/_local/stats/jvm?filter_path=nodes.*.jvm.mem." + name)).getEntity());
        return Long.parseLong(stats.replaceAll(".*\"" + name + "\":(\\d+).*", "$1"));
    }

    /** CPU seconds (user + system) the process has used so far, from /proc (clock ticks of 1/100 s, as on Linux/x86). */
    static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // after the command name: state is field 3
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime: fields 14 and 15
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
