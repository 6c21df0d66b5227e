package com.podcastpersonalize.it.eval;

/**
 * The goal for one {@code personalize} system on one data set: NDCG@10 at least 20 % above
 * the best baseline's, and coverage at least twice the popularity baseline's.
 *
 * @param system         the personalize system checked
 * @param bestBaseline   the baseline with the best NDCG@10
 * @param ndcgGain       NDCG@10 ÷ the best baseline's − 1
 * @param gainLow        lower end of the 95 % paired bootstrap interval of the gain
 * @param gainHigh       upper end
 * @param coverageRatio  coverage ÷ popularity's coverage
 */
public record GoalCheck(String system, String bestBaseline, double ndcgGain, double gainLow, double gainHigh, double coverageRatio) {

    static final double NDCG_GAIN_GOAL = 0.20;
    static final double COVERAGE_RATIO_GOAL = 2.0;

    public static GoalCheck of(DatasetResult result, SystemResult system, long seed) {
        SystemResult best = result.bestBaseline();
        SystemResult popularity = result.system("popularity");
        PairedBootstrap.NdcgGain gain = PairedBootstrap.ndcgGain(system, best, seed);
        return new GoalCheck(
            system.system(),
            best.system(),
            gain.gain(),
            gain.low(),
            gain.high(),
            popularity.coverage() == 0 ? Double.POSITIVE_INFINITY : system.coverage() / popularity.coverage()
        );
    }

    public boolean ndcgMet() {
        return ndcgGain >= NDCG_GAIN_GOAL;
    }

    public boolean coverageMet() {
        return coverageRatio >= COVERAGE_RATIO_GOAL;
    }

    public boolean met() {
        return ndcgMet() && coverageMet();
    }
}
