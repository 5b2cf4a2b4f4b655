package io.supportlab.experiments.stats;

/**
 * A two-sided interval estimate (confidence interval, credible interval or confidence sequence).
 *
 * @param lower lower bound
 * @param upper upper bound
 */
public record Interval(double lower, double upper) {

    static Interval around(double estimate, double halfWidth) {
        return new Interval(estimate - halfWidth, estimate + halfWidth);
    }

    boolean excludes(double value) {
        return value < lower || value > upper;
    }
}
