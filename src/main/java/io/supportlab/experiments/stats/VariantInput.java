package io.supportlab.experiments.stats;

import org.jspecify.annotations.Nullable;

/**
 * Sufficient statistics of one variant.
 *
 * @param key stable identifier, e.g. {@code "B"}
 * @param name display name used in summaries, e.g. {@code "Variant B"}
 * @param weight configured traffic weight (any non-negative scale; only ratios matter)
 * @param participants users exposed to the variant
 * @param converters participants who converted, at most {@code participants}
 * @param valueSum sum over participants of the value metric (non-converters count as 0), or {@code
 *     null} when the experiment has no value metric
 * @param valueSumOfSquares sum over participants of the squared value; given exactly when {@code
 *     valueSum} is
 */
public record VariantInput(
        String key,
        String name,
        double weight,
        long participants,
        long converters,
        @Nullable Double valueSum,
        @Nullable Double valueSumOfSquares) {

    public VariantInput {
        if (key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and not negative: " + key);
        }
        if (participants < 0 || converters < 0 || converters > participants) {
            throw new IllegalArgumentException("need 0 <= converters <= participants: " + key);
        }
        if ((valueSum == null) != (valueSumOfSquares == null)) {
            throw new IllegalArgumentException("give both value sum and sum of squares, or neither: " + key);
        }
        if (valueSum != null && !(Double.isFinite(valueSum) && Double.isFinite(valueSumOfSquares))) {
            throw new IllegalArgumentException("value sums must be finite: " + key);
        }
        if (valueSumOfSquares != null && valueSumOfSquares < 0) {
            throw new IllegalArgumentException("sum of squares must not be negative: " + key);
        }
    }

    /** A variant measured on conversion only. */
    public static VariantInput conversion(String key, String name, double weight, long participants, long converters) {
        return new VariantInput(key, name, weight, participants, converters, null, null);
    }

    /** The same variant with a value metric. */
    public VariantInput withValue(double sum, double sumOfSquares) {
        return new VariantInput(key, name, weight, participants, converters, sum, sumOfSquares);
    }

    boolean hasValue() {
        return valueSum != null;
    }
}
