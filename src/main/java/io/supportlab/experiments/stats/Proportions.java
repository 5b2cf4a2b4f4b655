package io.supportlab.experiments.stats;

import java.util.List;

/** Frequentist estimates and tests for conversion rates. */
final class Proportions {

    static final String NO_PARTICIPANTS = "no participants yet: not defined";

    private Proportions() {}

    /** Conversion rate with the Wilson score interval (statsmodels {@code method="wilson"}). */
    static Estimate wilson(long converters, long participants, double confidenceLevel) {
        if (participants == 0) {
            return Estimate.undefined(NO_PARTICIPANTS);
        }
        double n = participants;
        double p = converters / n;
        double z = Quantiles.z(confidenceLevel);
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // The interval always lies in [0, 1]; clamping only removes rounding residue at 0% and 100%.
        return Estimate.of(p, new Interval(Math.max(0, center - half), Math.min(1, center + half)));
    }

    /**
     * The seed's pooled two-proportion z-test: z = (p2 - p1) / sqrt(p(1-p)(1/n1 + 1/n2)) with the
     * pooled rate p, two-sided p-value.
     */
    static HypothesisTest pooledZTest(
            long controlConverters, long controlN, long treatmentConverters, long treatmentN) {
        if (controlN == 0 || treatmentN == 0) {
            return HypothesisTest.undefined(NO_PARTICIPANTS);
        }
        double pooled = (double) (controlConverters + treatmentConverters) / (controlN + treatmentN);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlN + 1.0 / treatmentN));
        if (se == 0) {
            return HypothesisTest.undefined(
                    "no variance: every participant has the same outcome (0% or 100% conversion), the z-test is not defined");
        }
        double z = ((double) treatmentConverters / treatmentN - (double) controlConverters / controlN) / se;
        return new HypothesisTest(z, null, Quantiles.normalTwoSidedP(z), List.of());
    }

    /** Treatment minus control rate with the unpooled Wald interval. */
    static Estimate absoluteDifference(
            long controlConverters, long controlN, long treatmentConverters, long treatmentN, double confidenceLevel) {
        Moments control = Moments.ofProportion(controlConverters, controlN);
        Moments treatment = Moments.ofProportion(treatmentConverters, treatmentN);
        return Differences.absolute(control, treatment, Quantiles.z(confidenceLevel));
    }

    /** Relative lift (treatment / control - 1) with the delta-method interval. */
    static Estimate relativeLift(
            long controlConverters, long controlN, long treatmentConverters, long treatmentN, double confidenceLevel) {
        Moments control = Moments.ofProportion(controlConverters, controlN);
        Moments treatment = Moments.ofProportion(treatmentConverters, treatmentN);
        return Differences.relative(control, treatment, Quantiles.z(confidenceLevel));
    }
}
