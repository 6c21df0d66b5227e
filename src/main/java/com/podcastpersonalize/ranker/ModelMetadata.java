package com.podcastpersonalize.ranker;

/**
 * Where a model came from.
 *
 * @param version          set by whoever stores the model ({@link RankerModel#withVersion}); 0 until then
 * @param trainedAt        epoch milliseconds when training finished
 * @param engine           the engine and version that trained it, e.g. "PyTorch 2.7.1"
 * @param trainingRows     rows before the validation cut
 * @param validationRows   rows at or after it
 * @param options          the options the model was trained with (model type, validation cut, optimizer settings, seed)
 * @param epochs           the epochs run (the options may have left the choice to the trainer)
 * @param finalTrainingLoss mean training loss of the last epoch
 * @param trainingMillis   wall time of the training (fit only, without validation)
 */
public record ModelMetadata(
    long version,
    long trainedAt,
    String engine,
    int trainingRows,
    int validationRows,
    TrainingOptions options,
    int epochs,
    double finalTrainingLoss,
    long trainingMillis
) {

    public ModelMetadata withVersion(long newVersion) {
        return new ModelMetadata(newVersion, trainedAt, engine, trainingRows, validationRows, options, epochs, finalTrainingLoss, trainingMillis);
    }
}
