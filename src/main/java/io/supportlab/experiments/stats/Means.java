package io.supportlab.experiments.stats;

import java.util.List;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/** Frequentist estimates and tests for value metrics (mean value per participant). */
final class Means {

    static final String UNBOUNDED_RATIO =
            "interval unbounded: the control mean is too close to 0 to bound the ratio (Fieller)";

    private Means() {}

    /** Mean with the one-sample t interval (R {@code t.test(x)$conf.int}). */
    static Estimate mean(Moments moments, double confidenceLevel) {
        if (moments.n() == 0) {
            return Estimate.undefined(Proportions.NO_PARTICIPANTS);
        }
        if (moments.n() == 1) {
            return Estimate.withoutInterval(moments.mean(), "only one participant: variance and interval not defined");
        }
        if (moments.variance() == 0) {
            return Estimate.withoutInterval(moments.mean(), "no variance: every participant has the same value");
        }
        double half = Quantiles.t(confidenceLevel, moments.n() - 1) * Math.sqrt(moments.varianceOfMean());
        return Estimate.of(moments.mean(), Interval.around(moments.mean(), half));
    }

    /**
     * Welch–Satterthwaite degrees of freedom: (v1/n1 + v2/n2)^2 / ((v1/n1)^2/(n1-1) + (v2/n2)^2/(n2-1)).
     * Only defined when both variants have at least two participants and some variance.
     */
    static double welchDegreesOfFreedom(Moments control, Moments treatment) {
        double a = control.varianceOfMean();
        double b = treatment.varianceOfMean();
        return (a + b) * (a + b) / (a * a / (control.n() - 1) + b * b / (treatment.n() - 1));
    }

    /** Two-sided, unequal variances: Welch's test. */
    private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

    /**
     * Welch's unequal-variance t-test of treatment minus control (R {@code t.test(treatment,
     * control)}), from the summary statistics by Commons Statistics' {@link TTest}.
     */
    static HypothesisTest welch(Moments control, Moments treatment) {
        if (control.n() < 2 || treatment.n() < 2) {
            return HypothesisTest.undefined("a variant has fewer than 2 participants: Welch's t-test not defined");
        }
        double se = Math.sqrt(Differences.absoluteVariance(control, treatment));
        if (se == 0) {
            return HypothesisTest.undefined("no variance in either variant: Welch's t-test not defined");
        }
        TTest.Result welch = WELCH.test(
                treatment.mean(), treatment.variance(), treatment.n(), control.mean(), control.variance(), control.n());
        return new HypothesisTest(welch.getStatistic(), welch.getDegreesOfFreedom(), welch.getPValue(), List.of());
    }

    /** Difference in means with the Welch t interval. */
    static Estimate absoluteDifference(Moments control, Moments treatment, double confidenceLevel) {
        if (control.n() == 0 || treatment.n() == 0) {
            return Estimate.undefined(Differences.NO_PARTICIPANTS);
        }
        if (!welchDefined(control, treatment)) {
            return Estimate.withoutInterval(
                    treatment.mean() - control.mean(), "interval not defined: " + reason(control, treatment));
        }
        double df = welchDegreesOfFreedom(control, treatment);
        return Differences.absolute(control, treatment, Quantiles.t(confidenceLevel, df));
    }

    /** Relative lift of the means with the delta-method interval on Welch degrees of freedom (as GrowthBook). */
    static Estimate relativeLift(Moments control, Moments treatment, double confidenceLevel) {
        if (control.n() == 0 || treatment.n() == 0) {
            return Estimate.undefined(Differences.NO_PARTICIPANTS);
        }
        if (control.mean() == 0) {
            return Estimate.undefined(Differences.ZERO_CONTROL);
        }
        if (!welchDefined(control, treatment)) {
            return Estimate.withoutInterval(
                    treatment.mean() / control.mean() - 1, "interval not defined: " + reason(control, treatment));
        }
        double df = welchDegreesOfFreedom(control, treatment);
        return Differences.relative(control, treatment, Quantiles.t(confidenceLevel, df));
    }

    /**
     * Relative lift of the means with Fieller's (1954) interval: the ratios θ whose test of μ_t = θ μ_c,
     * t(θ) = (m_t - θ m_c) / sqrt(v_t/n_t + θ² v_c/n_c), is not rejected against the Welch critical
     * value. At θ = 1 that test is Welch's t-test itself, so the interval excludes a lift of 0 exactly
     * when Welch's p-value is below 1 - confidence. Solving t(θ)² = c² gives A θ² - 2 B θ + C = 0 with A =
     * m_c² - c² v_c/n_c, B = m_c m_t, C = m_t² - c² v_t/n_t; the interval is bounded only when A > 0,
     * i.e. when the control mean itself is clearly away from 0.
     */
    static Estimate fiellerLift(Moments control, Moments treatment, double confidenceLevel) {
        if (control.n() == 0 || treatment.n() == 0) {
            return Estimate.undefined(Differences.NO_PARTICIPANTS);
        }
        if (control.mean() == 0) {
            return Estimate.undefined(Differences.ZERO_CONTROL);
        }
        double lift = treatment.mean() / control.mean() - 1;
        if (!welchDefined(control, treatment)) {
            return Estimate.withoutInterval(lift, "interval not defined: " + reason(control, treatment));
        }
        double c = Quantiles.t(confidenceLevel, welchDegreesOfFreedom(control, treatment));
        double c2 = c * c;
        double a = control.mean() * control.mean() - c2 * control.varianceOfMean();
        if (!(a > 0)) {
            return Estimate.withoutInterval(lift, UNBOUNDED_RATIO);
        }
        double b = control.mean() * treatment.mean();
        double half = Math.sqrt(
                c2 * (control.varianceOfMean() * treatment.mean() * treatment.mean() + treatment.varianceOfMean() * a));
        return Estimate.of(lift, new Interval((b - half) / a - 1, (b + half) / a - 1));
    }

    private static boolean welchDefined(Moments control, Moments treatment) {
        return control.n() >= 2 && treatment.n() >= 2 && Differences.absoluteVariance(control, treatment) > 0;
    }

    private static String reason(Moments control, Moments treatment) {
        return control.n() < 2 || treatment.n() < 2 ? "a variant has fewer than 2 participants" : "no variance";
    }
}
