package io.supportlab.experiments.stats;

import java.util.List;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.jspecify.annotations.Nullable;

/**
 * Conjugate Beta(1, 1)–binomial model for conversion rates, with exact (closed-form) comparisons.
 *
 * <p>The posterior of a rate after x conversions in n participants is Beta(1 + x, 1 + n - x).
 */
final class BetaBinomial {

    static final String MODEL = "Beta(1,1) prior, exact Beta-Beta comparison";

    /** Terms this far (in log) below the running maximum cannot change the sum in double precision. */
    private static final double NEGLIGIBLE_LOG_TERM = -50;

    private BetaBinomial() {}

    /** Equal-tailed posterior credible interval (scipy {@code beta.ppf}). */
    static Interval credibleInterval(long converters, long participants, double confidenceLevel) {
        BetaDistribution posterior = BetaDistribution.of(1.0 + converters, 1.0 + participants - converters);
        double tail = (1 - confidenceLevel) / 2;
        return new Interval(posterior.inverseCumulativeProbability(tail), posterior.inverseSurvivalProbability(tail));
    }

    static final String NO_PARTICIPANTS = "not enough data: a variant has no participants yet";
    static final String NO_CONVERSIONS =
            "not enough data: no conversions yet, the numbers would come from the prior alone";
    static final String ALL_CONVERTED =
            "not enough data: every participant converted, the numbers would come from the prior alone";

    /**
     * Chance to beat control and expected losses, or nothing (with a note) while the data cannot tell
     * the variants apart: with an empty variant, or while nobody (or everybody) has converted, the
     * posterior comparison would only restate the prior (e.g. a "chance to beat" of 50% or 33%).
     */
    static BayesianResult compare(long controlConverters, long controlN, long treatmentConverters, long treatmentN) {
        @Nullable
        String missing = controlN == 0 || treatmentN == 0
                ? NO_PARTICIPANTS
                : controlConverters + treatmentConverters == 0
                        ? NO_CONVERSIONS
                        : controlConverters + treatmentConverters == controlN + treatmentN ? ALL_CONVERTED : null;
        if (missing != null) {
            return new BayesianResult(MODEL, null, null, null, null, List.of(missing));
        }
        long a = 1 + controlConverters;
        long b = 1 + controlN - controlConverters;
        long c = 1 + treatmentConverters;
        long d = 1 + treatmentN - treatmentConverters;
        double chance = probabilityGreater(a, b, c, d);
        double lossChoosingControl = expectedShortfall(a, b, c, d);
        double lossChoosingTreatment = expectedShortfall(c, d, a, b);
        return new BayesianResult(MODEL, chance, lossChoosingTreatment, lossChoosingControl, null, List.of());
    }

    /**
     * E[max(Y - X, 0)] for X ~ Beta(a, b), Y ~ Beta(c, d). Since y f_Y(y) = E[Y] f_{Y+}(y) with Y+ ~
     * Beta(c + 1, d), this equals E[Y] P(Y+ > X) - E[X] P(Y > X+).
     */
    static double expectedShortfall(long a, long b, long c, long d) {
        double meanX = (double) a / (a + b);
        double meanY = (double) c / (c + d);
        double value = meanY * probabilityGreater(a, b, c + 1, d) - meanX * probabilityGreater(a + 1, b, c, d);
        // Both products are accurate to ~1e-15 relative, so a negative result is rounding of a zero loss.
        return Math.max(0, value);
    }

    /**
     * P(Y > X) for independent X ~ Beta(a, b), Y ~ Beta(c, d) with integer c or b, by Evan Miller's
     * closed form: sum over i < c of B(a + i, b + d) / ((d + i) B(1 + i, d) B(a, b)).
     *
     * <p>The same probability is P(1 - X > 1 - Y), which sums b terms instead of c, so we sum whichever
     * is shorter. Terms are formed in log space by the ratio term(i+1)/term(i) = (a+i)(d+i) /
     * ((a+b+d+i)(1+i)), which avoids a log-beta call per term and keeps n = 1,000,000 fast.
     */
    static double probabilityGreater(long a, long b, long c, long d) {
        if (b < c) {
            return probabilityGreater(d, c, b, a);
        }
        double logTerm = LogBeta.value(a, (double) b + d) - LogBeta.value(a, b);
        double maxLog = logTerm;
        double scaledSum = 1;
        for (long i = 0; i < c - 1; i++) {
            double ratio = ((a + i) / (double) (a + b + d + i)) * ((d + i) / (double) (1 + i));
            logTerm += Math.log(ratio);
            if (logTerm > maxLog) {
                scaledSum = scaledSum * Math.exp(maxLog - logTerm) + 1;
                maxLog = logTerm;
            } else {
                scaledSum += Math.exp(logTerm - maxLog);
                // Terms are unimodal in i: once decreasing (ratio < 1) they stay decreasing.
                if (ratio < 1 && logTerm - maxLog - Math.log(scaledSum) < NEGLIGIBLE_LOG_TERM) {
                    break;
                }
            }
        }
        return Math.min(1, Math.exp(maxLog + Math.log(scaledSum)));
    }
}
