package com.podcastpersonalize.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The validation metrics of a ranker, computed from scores and binary labels. */
public final class RankingMetrics {

    /** Probabilities are clipped to [EPSILON, 1 - EPSILON] so that one confident mistake costs a lot, not infinity. */
    static final double EPSILON = 1e-15;

    private RankingMetrics() {}

    /**
     * Area under the ROC curve: the chance that a random positive scores above a random negative, ties
     * counting one half (Mann-Whitney U with mid-ranks). NaN when either label is missing.
     */
    public static double auc(double[] scores, boolean[] positive) {
        requireSameLength(scores, positive);
        Integer[] order = sortedIndices(scores, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.length;) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1; // 1-based rank shared by the tied block
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean binary cross-entropy (natural log) of predicted probabilities. */
    public static double logLoss(double[] probabilities, boolean[] positive) {
        requireSameLength(probabilities, positive);
        if (probabilities.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(Math.max(probabilities[i], EPSILON), 1 - EPSILON);
            sum -= positive[i] ? Math.log(p) : Math.log(1 - p);
        }
        return sum / probabilities.length;
    }

    /**
     * NDCG@k with binary gains, averaged over the groups (listeners) that have at least one positive.
     * Each group's rows are ranked by score; within equal scores negatives come first, so a model cannot
     * gain from ties (a constant model gets the worst order). NaN when no group has a positive.
     */
    public static double ndcg(int k, double[] scores, boolean[] positive, String[] groups) {
        requireSameLength(scores, positive);
        if (groups.length != scores.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + groups.length + " groups");
        }
        Map<String, List<Integer>> rowsByGroup = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            rowsByGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        Comparator<Integer> byScoreDescendingNegativesFirst = Comparator.<Integer>comparingDouble(i -> -scores[i])
            .thenComparing(i -> positive[i]);
        double sum = 0;
        int evaluated = 0;
        for (List<Integer> rows : rowsByGroup.values()) {
            int positives = (int) rows.stream().filter(i -> positive[i]).count();
            if (positives == 0) {
                continue;
            }
            rows.sort(byScoreDescendingNegativesFirst);
            double dcg = 0;
            for (int rank = 0; rank < Math.min(k, rows.size()); rank++) {
                if (positive[rows.get(rank)]) {
                    dcg += discount(rank);
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(k, positives); rank++) {
                ideal += discount(rank);
            }
            sum += dcg / ideal;
            evaluated++;
        }
        return evaluated == 0 ? Double.NaN : sum / evaluated;
    }

    /** How many groups have at least one positive: the groups NDCG averages over. */
    public static int groupsWithPositives(boolean[] positive, String[] groups) {
        return (int) java.util.stream.IntStream.range(0, groups.length).filter(i -> positive[i]).mapToObj(i -> groups[i]).distinct().count();
    }

    private static double discount(int zeroBasedRank) {
        return 1 / (Math.log(zeroBasedRank + 2) / Math.log(2));
    }

    private static Integer[] sortedIndices(double[] values, Comparator<Integer> order) {
        Integer[] indices = new Integer[values.length];
        Arrays.setAll(indices, i -> i);
        Arrays.sort(indices, order);
        return indices;
    }

    private static void requireSameLength(double[] values, boolean[] labels) {
        if (values.length != labels.length) {
            throw new IllegalArgumentException(values.length + " scores but " + labels.length + " labels");
        }
    }
}
