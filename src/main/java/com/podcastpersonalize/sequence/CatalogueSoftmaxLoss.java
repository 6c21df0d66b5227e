package com.podcastpersonalize.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * Softmax cross-entropy of the true next item among every item of the catalogue, scored by cosine ÷
 * temperature: exactly the k-NN search the prediction is used for, with every other item as a
 * negative. (A plain cosine loss toward the next item's vector is minimized by the mean of the
 * likely next items, much like the decayed vector; the softmax asks the prediction to rank the
 * true item above the others instead.) Every catalogue item rather than in-batch negatives: the
 * catalogues are small (under 10k items, one {@code batch × dimension × items} product a step), and
 * in-batch negatives are drawn by popularity (they push the prediction away from popular items
 * unless corrected) and hold copies of the target. Labels are the targets' catalogue positions;
 * predictions are unit vectors.
 */
public final class CatalogueSoftmaxLoss extends Loss {

    private final NDArray candidatesTransposed;
    private final float temperature;
    private final SoftmaxCrossEntropyLoss crossEntropy = new SoftmaxCrossEntropyLoss("catalogue_softmax", 1, -1, true, true);

    /** {@code candidates}: the catalogue's unit vectors, {@code size × dimension}, kept constant. */
    public CatalogueSoftmaxLoss(NDArray candidates, float temperature) {
        super("catalogue_softmax");
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.candidatesTransposed = candidates.transpose();
        this.temperature = temperature;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow().matMul(candidatesTransposed).div(temperature);
        return crossEntropy.evaluate(labels, new NDList(logits));
    }
}
