package io.supportlab.experiments.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Adjusted p-values for a family of comparisons, identical to R's {@code p.adjust}.
 *
 * <p>A comparison whose p-value is not defined ({@code null}, e.g. no variance yet) carries no
 * evidence and is left out of the family, as R's {@code p.adjust} does by default; its adjusted
 * value stays {@code null}.
 */
public final class MultipleComparisons {

    private MultipleComparisons() {}

    /**
     * Adjusts p-values of one family.
     *
     * @param pValues raw p-values in any order, {@code null} for undefined tests
     * @param method the adjustment
     * @return adjusted p-values in the same order as the input
     */
    public static List<@Nullable Double> adjust(List<@Nullable Double> pValues, CorrectionMethod method) {
        Integer[] defined = IntStream.range(0, pValues.size())
                .filter(i -> pValues.get(i) != null)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> pValues.get(i)))
                .toArray(Integer[]::new);
        int family = defined.length;
        @Nullable Double[] adjusted = new Double[pValues.size()];
        double[] sorted =
                Arrays.stream(defined).mapToDouble(i -> pValues.get(i)).toArray();
        double[] result = switch (method) {
            case NONE -> sorted;
            case HOLM -> holm(sorted, family);
            case BENJAMINI_HOCHBERG -> benjaminiHochberg(sorted, family);
        };
        for (int rank = 0; rank < defined.length; rank++) {
            adjusted[defined[rank]] = result[rank];
        }
        return Collections.unmodifiableList(Arrays.asList(adjusted));
    }

    /** Step-down: adj_(i) = max over j <= i of min(1, (m - j + 1) p_(j)), p sorted ascending. */
    static double[] holm(double[] ascending, int family) {
        double[] adjusted = new double[ascending.length];
        double running = 0;
        for (int i = 0; i < ascending.length; i++) {
            running = Math.max(running, Math.min(1, (family - i) * ascending[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Step-up: adj_(i) = min over j >= i of min(1, m p_(j) / j), p sorted ascending, ranks from 1. */
    static double[] benjaminiHochberg(double[] ascending, int family) {
        double[] adjusted = new double[ascending.length];
        double running = 1;
        for (int i = ascending.length - 1; i >= 0; i--) {
            running = Math.min(running, Math.min(1, (double) family / (i + 1) * ascending[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
