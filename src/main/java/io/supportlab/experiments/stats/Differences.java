package io.supportlab.experiments.stats;

import org.jspecify.annotations.Nullable;

/**
 * Absolute and relative differences between two independent means with normal-theory intervals;
 * the critical value is passed in so proportions (z) and value metrics (Welch t) share the algebra.
 */
final class Differences {

    static final String NO_PARTICIPANTS = "a variant has no participants yet: not defined";
    static final String ZERO_CONTROL = "control mean is 0: relative lift not defined";
    static final String NO_VARIANCE = "no variance in either variant: interval not defined";

    private Differences() {}

    static Estimate absolute(Moments control, Moments treatment, double criticalValue) {
        if (control.n() == 0 || treatment.n() == 0) {
            return Estimate.undefined(NO_PARTICIPANTS);
        }
        double difference = treatment.mean() - control.mean();
        double se = Math.sqrt(absoluteVariance(control, treatment));
        if (se == 0) {
            return Estimate.withoutInterval(difference, NO_VARIANCE);
        }
        return Estimate.of(difference, Interval.around(difference, criticalValue * se));
    }

    static Estimate relative(Moments control, Moments treatment, double criticalValue) {
        if (control.n() == 0 || treatment.n() == 0) {
            return Estimate.undefined(NO_PARTICIPANTS);
        }
        if (control.mean() == 0) {
            return Estimate.undefined(ZERO_CONTROL);
        }
        double lift = treatment.mean() / control.mean() - 1;
        double se = Math.sqrt(relativeVariance(control, treatment));
        if (se == 0) {
            return Estimate.withoutInterval(lift, NO_VARIANCE);
        }
        return Estimate.of(lift, Interval.around(lift, criticalValue * se));
    }

    static double absoluteVariance(Moments control, Moments treatment) {
        return control.varianceOfMean() + treatment.varianceOfMean();
    }

    /**
     * Delta-method variance of mean_B / mean_A (GrowthBook's {@code variance_of_ratios} without
     * covariance): var_B / (mean_A^2 n_B) + var_A mean_B^2 / (mean_A^4 n_A).
     */
    static double relativeVariance(Moments control, Moments treatment) {
        double a = control.mean();
        double b = treatment.mean();
        return treatment.varianceOfMean() / (a * a) + control.varianceOfMean() * b * b / (a * a * a * a);
    }

    /** Relative lift and its delta-method standard error, or null when either is not defined. */
    static @Nullable Lift lift(Moments control, Moments treatment) {
        if (control.n() == 0 || treatment.n() == 0 || control.mean() == 0) {
            return null;
        }
        double se = Math.sqrt(relativeVariance(control, treatment));
        return se == 0 ? null : new Lift(treatment.mean() / control.mean() - 1, se);
    }

    /** Why {@link #lift} returned null. */
    static String whyNoLift(Moments control, Moments treatment) {
        if (control.n() == 0 || treatment.n() == 0) {
            return NO_PARTICIPANTS;
        }
        return control.mean() == 0 ? ZERO_CONTROL : NO_VARIANCE;
    }

    record Lift(double estimate, double standardError) {}
}
