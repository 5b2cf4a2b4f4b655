package io.supportlab.experiments;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Variant weights as people type them. Three variants at 0.333 add up to 0.999 and 0.33 to 0.99:
 * weights within {@link #TOLERANCE} of 1 are taken as meant and scaled to add up to exactly 1; further
 * off is a mistake to point out.
 */
final class Weights {

    /** How far the sum may be from 1: what rounding each weight to two decimals can cause for up to two variants. */
    static final double TOLERANCE = 0.01;

    /** Slack for the floating-point sum itself (0.33 + 0.33 + 0.34 is not exactly 1 in binary). */
    private static final double ROUNDING = 1e-9;

    private Weights() {}

    static double total(List<Variant> variants) {
        return variants.stream()
                .mapToDouble(v -> v.weight() == null ? 0 : v.weight())
                .sum();
    }

    static boolean acceptable(List<Variant> variants) {
        return Math.abs(total(variants) - 1) <= TOLERANCE + ROUNDING;
    }

    /** The problem with the weights, to show next to them. */
    static String problem(List<Variant> variants) {
        String sum = BigDecimal.valueOf(total(variants))
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
        return "weights must add up to 1 (they add up to " + sum + ")";
    }

    /** The weights scaled to add up to exactly 1; unchanged when a weight is missing or they add up to 0. */
    static List<Variant> normalised(List<Variant> variants) {
        double total = total(variants);
        if (total <= 0 || variants.stream().anyMatch(v -> v.weight() == null)) {
            return variants;
        }
        return variants.stream()
                .map(v -> new Variant(v.key(), v.name(), Objects.requireNonNull(v.weight()) / total))
                .toList();
    }
}
