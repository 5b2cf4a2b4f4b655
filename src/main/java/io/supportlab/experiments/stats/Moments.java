package io.supportlab.experiments.stats;

/**
 * Sample size, mean and per-observation variance of one variant's metric.
 *
 * <p>For conversions the variance is p(1 - p), the binomial form used by the z-test and by
 * GrowthBook's proportion statistic; for value metrics it is the unbiased sample variance.
 */
record Moments(long n, double mean, double variance) {

    static Moments ofProportion(long converters, long participants) {
        if (participants == 0) {
            return new Moments(0, 0, 0);
        }
        double p = (double) converters / participants;
        return new Moments(participants, p, p * (1 - p));
    }

    static Moments ofSums(long participants, double sum, double sumOfSquares) {
        if (participants == 0) {
            return new Moments(0, 0, 0);
        }
        double mean = sum / participants;
        if (participants == 1) {
            return new Moments(1, mean, 0);
        }
        // Clamped because rounding in the caller's sums can push a zero variance slightly negative.
        double variance = Math.max(0, (sumOfSquares - sum * mean) / (participants - 1));
        return new Moments(participants, mean, variance);
    }

    double varianceOfMean() {
        return variance / n;
    }
}
