package io.supportlab.experiments.stats;

import org.jspecify.annotations.Nullable;

/**
 * Per-variant estimates.
 *
 * @param key variant key
 * @param name variant display name
 * @param participants participants
 * @param converters converters
 * @param conversionRate rate with its Wilson score interval
 * @param posteriorInterval equal-tailed credible interval of the rate under a Beta(1, 1) prior
 *     (with no participants it is the prior's interval)
 * @param mean mean value per participant with its t interval, null without a value metric
 */
public record VariantStats(
        String key,
        String name,
        long participants,
        long converters,
        Estimate conversionRate,
        Interval posteriorInterval,
        @Nullable Estimate mean) {}
