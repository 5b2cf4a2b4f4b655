package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fixed-horizon comparison of one treatment with control.
 *
 * @param test the test used: pooled two-proportion z-test (conversion) or Welch's t-test (value)
 * @param statistic z or t, positive when the treatment is higher; null when not defined
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom; null for the z-test
 * @param pValue two-sided p-value before multiple-comparison adjustment; null when not defined
 * @param absoluteDifference treatment minus control (Wald interval for rates, Welch t interval for
 *     means)
 * @param relativeLift treatment / control - 1 with the delta-method interval
 * @param notes explanations for missing values
 */
public record FrequentistResult(
        String test,
        @Nullable Double statistic,
        @Nullable Double degreesOfFreedom,
        @Nullable Double pValue,
        Estimate absoluteDifference,
        Estimate relativeLift,
        List<String> notes) {

    public FrequentistResult {
        notes = List.copyOf(notes);
    }
}
