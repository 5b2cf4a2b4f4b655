package io.supportlab.experiments.stats;

import java.util.List;

/**
 * Asymptotic confidence sequences of Waudby-Smith et al. (2023), in the form GrowthBook uses: with
 * n = n_control + n_treatment and the per-observation variance s^2 = SE^2 n of an estimate,
 *
 * <pre>
 * rho       = sqrt((-2 ln(alpha) + ln(-2 ln(alpha) + 1)) / N*)
 * halfWidth = sqrt(s^2) sqrt(2 (n rho^2 + 1) / (n^2 rho^2) ln(sqrt(n rho^2 + 1) / alpha))
 * p         = min(1, sqrt(n rho^2 + 1) exp(-rho^2 n^2 est^2 / (2 s^2 (n rho^2 + 1))))
 * </pre>
 *
 * p < alpha exactly when the sequence excludes 0.
 */
final class ConfidenceSequence {

    private ConfidenceSequence() {}

    static double rho(double alpha, double tuningParameter) {
        double minusTwoLogAlpha = -2 * Math.log(alpha);
        return Math.sqrt((minusTwoLogAlpha + Math.log(minusTwoLogAlpha + 1)) / tuningParameter);
    }

    static double halfWidth(double standardError, long n, double alpha, double tuningParameter) {
        return tunedHalfWidth(standardError, n, alpha, rho(alpha, tuningParameter));
    }

    /**
     * The half-width at level 1 - {@code level} of the sequence whose mixture is tuned by {@code rho}.
     * With rho fixed (tuned for the analysis' alpha), {@link #pValue} below any level is exactly the
     * sequence at that level excluding 0, which is what lets a corrected decision quote a sequence.
     */
    private static double tunedHalfWidth(double standardError, long n, double level, double rho) {
        double nRho = n * rho;
        double nRho2 = nRho * rho;
        double s2 = standardError * standardError * n;
        return Math.sqrt(s2) * Math.sqrt(2 * (nRho2 + 1) / (nRho * nRho) * Math.log(Math.sqrt(nRho2 + 1) / level));
    }

    /** Always-valid p-value; computed from the log e-value so large effects give 0 rather than overflow. */
    static double pValue(double estimate, double standardError, long n, double alpha, double tuningParameter) {
        double rho = rho(alpha, tuningParameter);
        double nRho2 = n * rho * rho;
        double squaredStatistic = estimate * estimate * n / (standardError * standardError);
        double logEValue = rho * rho * squaredStatistic / (2 * (nRho2 + 1)) - 0.5 * Math.log(nRho2 + 1);
        return Math.min(1, Math.exp(-logEValue));
    }

    static SequentialResult compare(
            Moments control, Moments treatment, double confidenceLevel, double tuningParameter) {
        double alpha = 1 - confidenceLevel;
        long n = control.n() + treatment.n();
        Estimate absolute = sequence(
                treatment.mean() - control.mean(),
                Math.sqrt(Differences.absoluteVariance(control, treatment)),
                control,
                treatment,
                alpha,
                tuningParameter);
        Estimate relative = relativeLift(control, treatment, alpha, alpha, tuningParameter);
        Differences.Lift lift = Differences.lift(control, treatment);
        if (lift == null) {
            return new SequentialResult(tuningParameter, null, relative, absolute, relative.notes());
        }
        double p = pValue(lift.estimate(), lift.standardError(), n, alpha, tuningParameter);
        return new SequentialResult(tuningParameter, p, relative, absolute, List.of());
    }

    /**
     * The relative lift's sequence at level 1 - {@code level}, tuned for {@code alpha}: it excludes 0
     * exactly when the always-valid p-value is below {@code level}.
     */
    static Estimate relativeLift(
            Moments control, Moments treatment, double alpha, double level, double tuningParameter) {
        Differences.Lift lift = Differences.lift(control, treatment);
        if (lift == null) {
            String why = Differences.whyNoLift(control, treatment);
            return control.n() > 0 && treatment.n() > 0 && control.mean() != 0
                    ? Estimate.withoutInterval(treatment.mean() / control.mean() - 1, why)
                    : Estimate.undefined(why);
        }
        double half =
                tunedHalfWidth(lift.standardError(), control.n() + treatment.n(), level, rho(alpha, tuningParameter));
        return Estimate.of(lift.estimate(), Interval.around(lift.estimate(), half));
    }

    private static Estimate sequence(
            double estimate, double se, Moments control, Moments treatment, double alpha, double tuningParameter) {
        if (control.n() == 0 || treatment.n() == 0) {
            return Estimate.undefined(Differences.NO_PARTICIPANTS);
        }
        if (se == 0) {
            return Estimate.withoutInterval(estimate, Differences.NO_VARIANCE);
        }
        long n = control.n() + treatment.n();
        return Estimate.of(estimate, Interval.around(estimate, halfWidth(se, n, alpha, tuningParameter)));
    }
}
