package io.supportlab.experiments.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Two-sided critical values and p-values; survival functions keep tiny p-values accurate. */
final class Quantiles {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Quantiles() {}

    static double z(double confidenceLevel) {
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - confidenceLevel) / 2);
    }

    static double t(double confidenceLevel, double degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseSurvivalProbability((1 - confidenceLevel) / 2);
    }

    static double normalTwoSidedP(double z) {
        return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    static double normalCdf(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }

    static double normalDensity(double x) {
        return STANDARD_NORMAL.density(x);
    }

    static double normalUpperQuantile(double upperTailProbability) {
        return STANDARD_NORMAL.inverseSurvivalProbability(upperTailProbability);
    }
}
