package io.supportlab.experiments.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * Intervals for two conversion rates that invert the score test. At "no difference" (a difference
 * of 0, a ratio of 1) the constrained estimate of both rates is the pooled rate, so the score
 * statistic is exactly the seed's pooled two-proportion z; each interval therefore excludes "no
 * difference" exactly when the pooled z-test rejects at the same level (issue 15, item 16).
 *
 * <p>Both use the score statistic without Miettinen and Nurminen's n/(n-1) factor: Mee (1984) for
 * the difference, the ratio form of Miettinen and Nurminen (1985) for the relative lift.
 */
final class ScoreIntervals {

    private static final int BISECTIONS = 200;

    private ScoreIntervals() {}

    /**
     * Relative lift p_t / p_c - 1 with the interval {θ - 1 : |z(θ)| ≤ z_{1-α/2}} where z(θ) = (p̂_t -
     * θ p̂_c) / sqrt(p̃_t(1 - p̃_t)/n_t + θ² p̃_c(1 - p̃_c)/n_c) and p̃ are the maximum-likelihood rates
     * under p_t = θ p_c (statsmodels {@code confint_proportions_2indep(method="score",
     * compare="ratio", correction=False)}).
     */
    static Estimate relativeLift(long xc, long nc, long xt, long nt, double confidenceLevel) {
        if (nc == 0 || nt == 0) {
            return Estimate.undefined(Differences.NO_PARTICIPANTS);
        }
        if (xc == 0) {
            return Estimate.undefined(Differences.ZERO_CONTROL);
        }
        double ratio = ((double) xt / nt) / ((double) xc / nc);
        if (noVariance(xc, nc, xt, nt)) {
            return Estimate.withoutInterval(ratio - 1, Differences.NO_VARIANCE);
        }
        double critical = Quantiles.z(confidenceLevel);
        DoubleUnaryOperator excess = logTheta -> ratioStatistic(xc, nc, xt, nt, Math.exp(logTheta)) - critical;
        DoubleUnaryOperator shortfall = logTheta -> ratioStatistic(xc, nc, xt, nt, Math.exp(logTheta)) + critical;
        double lower = xt == 0 ? 0 : Math.exp(rootBelow(excess, Math.log(ratio)));
        // With no treatment conversions the ratio is 0: start the upward search just above it.
        double upper = Math.exp(rootAbove(shortfall, Math.log(Math.max(ratio, 1e-300))));
        return Estimate.of(ratio - 1, new Interval(lower - 1, upper - 1));
    }

    /**
     * p_t - p_c with Mee's interval {δ : |z(δ)| ≤ z_{1-α/2}} where z(δ) = (p̂_t - p̂_c - δ) /
     * sqrt(p̃_t(1 - p̃_t)/n_t + p̃_c(1 - p̃_c)/n_c) and p̃ are the maximum-likelihood rates under p_t =
     * p_c + δ.
     */
    static Estimate difference(long xc, long nc, long xt, long nt, double confidenceLevel) {
        if (nc == 0 || nt == 0) {
            return Estimate.undefined(Differences.NO_PARTICIPANTS);
        }
        double difference = (double) xt / nt - (double) xc / nc;
        if (noVariance(xc, nc, xt, nt)) {
            return Estimate.withoutInterval(difference, Differences.NO_VARIANCE);
        }
        double critical = Quantiles.z(confidenceLevel);
        double lower =
                difference <= -1 ? -1 : bisect(d -> differenceStatistic(xc, nc, xt, nt, d) - critical, -1, difference);
        double upper =
                difference >= 1 ? 1 : bisect(d -> differenceStatistic(xc, nc, xt, nt, d) + critical, difference, 1);
        return Estimate.of(difference, new Interval(lower, upper));
    }

    /** Every participant has the same outcome: the pooled z-test is not defined, nor its inversion. */
    private static boolean noVariance(long xc, long nc, long xt, long nt) {
        return xc + xt == 0 || xc + xt == nc + nt;
    }

    /** The score statistic for H0: p_t = θ p_c; decreasing in θ, the pooled z at θ = 1. */
    static double ratioStatistic(long xc, long nc, long xt, long nt, double theta) {
        double total = nc + nt;
        double converters = xc + xt;
        double a = total * theta;
        double b = -(nt * theta + xt + nc + xc * theta);
        // The smaller root of a p² + b p + converters = 0, in the form that does not cancel (b < 0).
        double q = (-b + Math.sqrt(Math.max(0, b * b - 4 * a * converters))) / 2;
        double control = polish(xc, nc, xt, nt, theta, 0, converters / q, 0, Math.min(1, 1 / theta));
        double treated = theta * control;
        double variance = treated * (1 - treated) / nt + theta * theta * control * (1 - control) / nc;
        return ((double) xt / nt - theta * xc / nc) / Math.sqrt(variance);
    }

    /** The score statistic for H0: p_t - p_c = δ; decreasing in δ, the pooled z at δ = 0. */
    static double differenceStatistic(long xc, long nc, long xt, long nt, double delta) {
        double control = constrainedControlRate(xc, nc, xt, nt, delta);
        double treated = control + delta;
        double variance = treated * (1 - treated) / nt + control * (1 - control) / nc;
        return ((double) xt / nt - (double) xc / nc - delta) / Math.sqrt(variance);
    }

    /**
     * The maximum-likelihood control rate under p_t = p_c + δ. The treatment's rate is the root of
     * the likelihood equation's cubic, in the trigonometric form of Farrington and Manning (1990)
     * (after Miettinen and Nurminen 1985): L3 = N, L2 = -(N + X) - δ (2 n_t + n_c), L1 = n_t δ² +
     * (2 x_t + N) δ + X, L0 = -x_t δ (1 + δ).
     */
    static double constrainedControlRate(long xc, long nc, long xt, long nt, double delta) {
        double total = nc + nt;
        double converters = xc + xt;
        if (delta == 0) {
            return converters / total;
        }
        double l2 = -(total + converters) - delta * (2.0 * nt + nc);
        double l1 = nt * delta * delta + (2.0 * xt + total) * delta + converters;
        double l0 = -xt * delta * (1 + delta);
        double third = l2 / (3 * total);
        double v = third * third * third - l1 * l2 / (6 * total * total) + l0 / (2 * total);
        double u = Math.copySign(Math.sqrt(Math.max(0, third * third - l1 / (3 * total))), v);
        double cosine = u == 0 ? 0 : Math.max(-1, Math.min(1, v / (u * u * u)));
        double treated = 2 * u * Math.cos((Math.PI + Math.acos(cosine)) / 3) - third;
        double low = Math.max(0, -delta);
        double high = Math.min(1, 1 - delta);
        // Rounding can leave the root a hair outside the rates that δ allows.
        return polish(xc, nc, xt, nt, 1, delta, Math.max(low, Math.min(high, treated - delta)), low, high);
    }

    /**
     * A few Newton steps on the likelihood equation in the control rate, when the treatment rate is
     * slope · p + offset. The closed forms lose digits where their roots nearly coincide (acos and
     * square roots near 0, e.g. rates near 100%); the likelihood is concave, so its equation is well
     * conditioned and Newton restores full precision from their approximate root.
     */
    private static double polish(
            long xc, long nc, long xt, long nt, double slope, double offset, double start, double low, double high) {
        double rate = start;
        for (int i = 0; i < 4; i++) {
            double treated = slope * rate + offset;
            double score =
                    term(xc, rate) - term(nc - xc, 1 - rate) + slope * (term(xt, treated) - term(nt - xt, 1 - treated));
            double curvature = square(xc, rate)
                    + square(nc - xc, 1 - rate)
                    + slope * slope * (square(xt, treated) + square(nt - xt, 1 - treated));
            double next = rate + score / curvature;
            if (!(next > low && next < high) || next == rate) {
                break;
            }
            rate = next;
        }
        return rate;
    }

    /** count / rate, and 0 for a count of 0 (whose term is absent from the likelihood). */
    private static double term(long count, double rate) {
        return count == 0 ? 0 : count / rate;
    }

    private static double square(long count, double rate) {
        return count == 0 ? 0 : count / (rate * rate);
    }

    /** The root of a decreasing function below {@code from} (where it is negative), in log space. */
    private static double rootBelow(DoubleUnaryOperator decreasing, double from) {
        double step = 1;
        double low = from - step;
        while (decreasing.applyAsDouble(low) < 0) {
            step *= 2;
            low = from - step;
        }
        return bisect(decreasing, low, from);
    }

    /** The root of a decreasing function above {@code from} (where it is positive), in log space. */
    private static double rootAbove(DoubleUnaryOperator decreasing, double from) {
        double step = 1;
        double high = from + step;
        while (decreasing.applyAsDouble(high) > 0) {
            step *= 2;
            high = from + step;
        }
        return bisect(decreasing, from, high);
    }

    /** The sign change of a decreasing function between {@code low} and {@code high}. */
    private static double bisect(DoubleUnaryOperator decreasing, double low, double high) {
        for (int i = 0; i < BISECTIONS && high - low > Math.ulp(Math.abs(low) + Math.abs(high)); i++) {
            double middle = low + (high - low) / 2;
            if (decreasing.applyAsDouble(middle) > 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low + (high - low) / 2;
    }
}
