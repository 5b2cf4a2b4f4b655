package io.supportlab.experiments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of the seed's result rows, in the shape of its {@code ab_test_results} table (per variant:
 * sample size, conversions, rate with its confidence interval, and for treatments the z-score,
 * p-value and significance against the control), plus the metric it is about.
 */
public record ResultRow(
        String variant,
        String metric,
        long sampleSize,
        long conversionCount,
        double conversionRate,
        @Nullable Double confidenceIntervalLower,
        @Nullable Double confidenceIntervalUpper,
        @Nullable Double zScore,
        @Nullable Double pValue,
        @Nullable Boolean isStatisticallySignificant,
        Instant calculatedAt) {}
