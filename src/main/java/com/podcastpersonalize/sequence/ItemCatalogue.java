package com.podcastpersonalize.sequence;

import com.podcastpersonalize.model.VectorMath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items the sequence model can read and predict: each item with a text vector, at a fixed
 * position (sorted by id, so that a run is reproducible), its vector scaled to unit length.
 */
public final class ItemCatalogue {

    private final List<String> ids;
    private final Map<String, Integer> positions = new HashMap<>();
    private final float[][] vectors;

    private ItemCatalogue(List<String> ids, float[][] vectors) {
        this.ids = List.copyOf(ids);
        this.vectors = vectors;
        for (int i = 0; i < ids.size(); i++) {
            positions.put(ids.get(i), i);
        }
    }

    /** The catalogue of every item with a non-zero vector; all vectors must have the same dimension. */
    public static ItemCatalogue of(Map<String, float[]> vectorsById) {
        List<String> ids = new ArrayList<>();
        int dimension = -1;
        for (Map.Entry<String, float[]> entry : vectorsById.entrySet()) {
            if (dimension >= 0 && entry.getValue().length != dimension) {
                throw new IllegalArgumentException("item " + entry.getKey() + " has a vector of " + entry.getValue().length + " dimensions, others " + dimension);
            }
            dimension = entry.getValue().length;
            if (VectorMath.norm(entry.getValue()) > 0) {
                ids.add(entry.getKey());
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no item has a vector");
        }
        ids.sort(null);
        float[][] vectors = new float[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            vectors[i] = vectorsById.get(ids.get(i)).clone();
            VectorMath.normalizeInPlace(vectors[i]);
        }
        return new ItemCatalogue(ids, vectors);
    }

    public int size() {
        return ids.size();
    }

    public int dimension() {
        return vectors[0].length;
    }

    /** The item's position, or -1 when it has no vector. */
    public int position(String id) {
        return positions.getOrDefault(id, -1);
    }

    public String id(int position) {
        return ids.get(position);
    }

    /** The unit vector at {@code position} (shared: not to be changed). */
    public float[] vector(int position) {
        return vectors[position];
    }

    /** The positions of those of {@code items} that have a vector, in their order. */
    public int[] positions(List<String> items) {
        return items.stream().mapToInt(this::position).filter(p -> p >= 0).toArray();
    }

    /** Every unit vector, row after row ({@code size × dimension}). */
    public float[] flat() {
        int dimension = dimension();
        float[] flat = new float[vectors.length * dimension];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, flat, i * dimension, dimension);
        }
        return flat;
    }
}
