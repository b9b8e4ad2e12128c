package com.firsthand.submissions.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the AI's verdicts agree with the buyer's: each AI decision paired with the buyer's verdict on the same
 * submission (the buyer's override, or the verdict the buyer let stand: the AI's, or an upheld appeal's). The
 * confusion matrix,
 * the agreement rate, Cohen's kappa (agreement beyond what the two verdicts' own approval rates give by chance) and
 * how often each scorer and model was overturned.
 *
 * @param cohensKappa null when chance agreement is certain (every verdict of both the same), where it is undefined
 */
public record Calibration(long decisions, long overturned, long aiApprovedBuyerApproved, long aiApprovedBuyerRejected,
        long aiRejectedBuyerApproved, long aiRejectedBuyerRejected, Double agreementRate, Double cohensKappa,
        List<ByScorer> byScorer) {

    /** One AI decision and the buyer's verdict on it. */
    public record Pair(String scorer, String model, boolean aiApproved, boolean buyerApproved) {

        boolean overturned() {
            return aiApproved != buyerApproved;
        }
    }

    public record ByScorer(String scorer, String model, long decisions, long overturned, double overturnRate) {
    }

    public static Calibration of(List<Pair> pairs) {
        long[][] matrix = new long[2][2];
        Map<String, long[]> byScorer = new TreeMap<>();
        Map<String, Pair> names = new TreeMap<>();
        for (Pair pair : pairs) {
            matrix[pair.aiApproved() ? 0 : 1][pair.buyerApproved() ? 0 : 1]++;
            String key = pair.scorer() + "\u0000" + pair.model();
            names.putIfAbsent(key, pair);
            long[] counts = byScorer.computeIfAbsent(key, k -> new long[2]);
            counts[0]++;
            counts[1] += pair.overturned() ? 1 : 0;
        }
        long n = pairs.size();
        long agreed = matrix[0][0] + matrix[1][1];
        List<ByScorer> scorers = new ArrayList<>();
        byScorer.forEach((key, counts) -> scorers.add(new ByScorer(names.get(key).scorer(), names.get(key).model(),
                counts[0], counts[1], round((double) counts[1] / counts[0]))));
        return new Calibration(n, n - agreed, matrix[0][0], matrix[0][1], matrix[1][0], matrix[1][1],
                n == 0 ? null : round((double) agreed / n), kappa(matrix, n), scorers);
    }

    private static Double kappa(long[][] m, long n) {
        if (n == 0) {
            return null;
        }
        double observed = (double) (m[0][0] + m[1][1]) / n;
        double aiApproved = (double) (m[0][0] + m[0][1]) / n;
        double buyerApproved = (double) (m[0][0] + m[1][0]) / n;
        double chance = aiApproved * buyerApproved + (1 - aiApproved) * (1 - buyerApproved);
        return chance >= 1 ? null : round((observed - chance) / (1 - chance));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
