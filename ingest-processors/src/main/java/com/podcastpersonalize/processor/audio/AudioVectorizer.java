package com.podcastpersonalize.processor.audio;

import java.util.List;

/**
 * The episode's {@code audio_vector}: the 96 aggregates of {@link FeatureNames#VECTOR}, standardised, each
 * family ({@link FeatureNames#VECTOR_GROUPS}) weighted by 1/√(its size) so that the 20 MFCC means count as
 * much in a cosine as the 4 rhythm/pitch/speech figures, then scaled to unit length.
 *
 * <p>Why 96 dimensions and no projection: each dimension stays a named, explainable aggregate (timbre via
 * MFCC mean/spread/motion, harmony via chroma, texture via contrast and spectral shape, dynamics, tempo,
 * pitch, speech share); 96 is small for Lucene HNSW (k-NN cost grows with dimension) yet keeps all of
 * them. A PCA or learned projection would need a large real corpus; ours is synthetic (espeak-ng + sox), so
 * fitting one to it would bake its quirks into every vector. Immutable and thread-safe.
 */
public final class AudioVectorizer {

    public static final int DIMENSION = 96;

    private final FeatureStandardizer standardizer;
    private final double[] weights;

    public AudioVectorizer(FeatureStandardizer standardizer) {
        this.standardizer = standardizer;
        this.weights = new double[FeatureNames.VECTOR.size()];
        int i = 0;
        for (FeatureNames.Group g : FeatureNames.VECTOR_GROUPS) {
            List<String> members = g.members();
            for (int k = 0; k < members.size(); k++) {
                weights[i++] = 1.0 / Math.sqrt(members.size());
            }
        }
        if (weights.length != DIMENSION) {
            throw new IllegalStateException("vector layout has " + weights.length + " names, expected " + DIMENSION);
        }
    }

    public float[] vectorize(AudioFeatures features) {
        double[] z = standardizer.standardize(features.vectorInputs());
        double norm = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] *= weights[i];
            norm += z[i] * z[i];
        }
        float[] out = new float[z.length];
        if (norm == 0) {
            // every feature exactly at the corpus mean: no direction to prefer, use the uniform unit vector
            java.util.Arrays.fill(out, (float) (1 / Math.sqrt(out.length)));
            return out;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int i = 0; i < z.length; i++) {
            out[i] = (float) (z[i] * inv);
        }
        return out;
    }
}
