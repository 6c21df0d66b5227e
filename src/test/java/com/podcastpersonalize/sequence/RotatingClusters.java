package com.podcastpersonalize.sequence;

import com.podcastpersonalize.model.VectorMath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A made-up listening world where the next interest follows a known rule: items fall in a few
 * clusters (a direction each, items spread around it), and every listener moves on to the next
 * cluster in a fixed cycle at every step, from a random start, picking a random item of it. The
 * average of the latest items points between clusters (or at the latest one); only a model of the
 * order can point at the next.
 */
final class RotatingClusters {

    final int dimension;
    final int clusters;
    final ItemCatalogue catalogue;
    private final Map<String, Integer> clusterOf = new LinkedHashMap<>();
    private final List<List<String>> itemsOf = new ArrayList<>();
    private final Random random;

    RotatingClusters(int dimension, int clusters, int itemsPerCluster, long seed) {
        this.dimension = dimension;
        this.clusters = clusters;
        this.random = new Random(seed);
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (int c = 0; c < clusters; c++) {
            float[] center = gaussian(1.0);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < itemsPerCluster; i++) {
                float[] noise = gaussian(0.35 / Math.sqrt(dimension) * VectorMath.norm(center));
                float[] v = new float[dimension];
                for (int d = 0; d < dimension; d++) {
                    v[d] = center[d] + noise[d];
                }
                String id = "c" + c + "-" + i;
                vectors.put(id, v);
                clusterOf.put(id, c);
                items.add(id);
            }
            itemsOf.add(items);
        }
        this.catalogue = ItemCatalogue.of(vectors);
    }

    private float[] gaussian(double scale) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) (random.nextGaussian() * scale);
        }
        return v;
    }

    /** A listener's items: {@code length} steps through the cycle from {@code start}. */
    List<String> sequence(int start, int length) {
        List<String> items = new ArrayList<>();
        for (int t = 0; t < length; t++) {
            List<String> cluster = itemsOf.get((start + t) % clusters);
            items.add(cluster.get(random.nextInt(cluster.size())));
        }
        return items;
    }

    int randomStart() {
        return random.nextInt(clusters);
    }

    /** The cluster of the catalogue item nearest to {@code direction} by cosine. */
    int nearestCluster(float[] direction) {
        int best = -1;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < catalogue.size(); p++) {
            double cosine = VectorMath.cosine(catalogue.vector(p), direction);
            if (cosine > bestCosine) {
                bestCosine = cosine;
                best = p;
            }
        }
        return clusterOf.get(catalogue.id(best));
    }

    int clusterOf(String item) {
        return clusterOf.get(item);
    }
}
