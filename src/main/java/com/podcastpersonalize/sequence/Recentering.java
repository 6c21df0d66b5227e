package com.podcastpersonalize.sequence;

/**
 * Puts a predicted direction where episode vectors live. Text embeddings share one strong direction
 * (every episode has a cosine of about {@code cosine} to the catalogue's mean direction {@code center}),
 * and the catalogue softmax cannot see it: moving a prediction along it adds nearly the same to every
 * logit. So the network's raw predictions have low cosines to every episode (about 0.3 on the podcasts
 * catalogue, against 0.9 for a profile's averaged interests), and as one interest among the profile's
 * they would never be the closest. The served vector keeps the part of the prediction that tells
 * episodes apart (orthogonal to {@code center}) and gives it the typical episode's share of the shared
 * direction: {@code cosine · center + √(1 − cosine²) · unit(orthogonal part)}. An episode exactly in the
 * predicted direction then has cosine 1; the order of the episodes barely changes (their cosines to
 * {@code center} differ little).
 *
 * @param center unit mean direction of the catalogue's unit vectors
 * @param cosine the mean cosine of the catalogue's vectors to {@code center}, in [0, 1)
 */
public record Recentering(float[] center, float cosine) {

    public Recentering {
        if (!(cosine >= 0 && cosine < 1)) {
            throw new IllegalArgumentException("[center_cosine] must be at least 0 and below 1, got [" + cosine + "]");
        }
    }

    /** The recentering of a catalogue's unit vectors. */
    public static Recentering of(ItemCatalogue catalogue) {
        float[] center = new float[catalogue.dimension()];
        for (int i = 0; i < catalogue.size(); i++) {
            float[] v = catalogue.vector(i);
            for (int d = 0; d < center.length; d++) {
                center[d] += v[d];
            }
        }
        com.podcastpersonalize.model.VectorMath.normalizeInPlace(center);
        double sum = 0;
        for (int i = 0; i < catalogue.size(); i++) {
            sum += com.podcastpersonalize.model.VectorMath.dot(center, catalogue.vector(i));
        }
        return new Recentering(center, (float) Math.min(0.999, Math.max(0, sum / catalogue.size())));
    }

    /** The served direction (unit length) of a unit prediction; the prediction itself when it lies along {@code center}. */
    public float[] apply(float[] prediction) {
        double along = 0;
        for (int d = 0; d < center.length; d++) {
            along += (double) prediction[d] * center[d];
        }
        float[] orthogonal = new float[center.length];
        double norm = 0;
        for (int d = 0; d < center.length; d++) {
            orthogonal[d] = (float) (prediction[d] - along * center[d]);
            norm += (double) orthogonal[d] * orthogonal[d];
        }
        norm = Math.sqrt(norm);
        if (norm < 1e-6) {
            return prediction;
        }
        double share = Math.sqrt(1 - (double) cosine * cosine) / norm;
        float[] served = new float[center.length];
        for (int d = 0; d < center.length; d++) {
            served[d] = (float) (cosine * center[d] + share * orthogonal[d]);
        }
        return served;
    }
}
