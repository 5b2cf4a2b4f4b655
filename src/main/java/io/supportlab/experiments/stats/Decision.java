package io.supportlab.experiments.stats;

import org.jspecify.annotations.Nullable;

/**
 * The one set of numbers a reader is shown for a comparison: the test the verdict rests on, its
 * p-value before and after the multiple-comparison correction, and the intervals that invert that
 * same test at the level the correction implies. Each interval excludes "no difference" exactly when
 * the adjusted p-value is below alpha, so the verdict, the p-value and the intervals cannot
 * contradict one another.
 *
 * @param test the test: "pooled two-proportion z-test", "Welch's t-test" or "always-valid
 *     confidence sequence"
 * @param pValue that test's p-value before correction; null when the test is not defined
 * @param pValueAdjusted after correction across the family (equal to {@code pValue} when nothing is
 *     corrected); null when the test is not defined
 * @param intervalLevel confidence level of both intervals: {@code 1 - alpha · pValue /
 *     pValueAdjusted}, the confidence level at which the uncorrected test reaches the corrected
 *     decision (the analysis' confidence level when nothing is corrected)
 * @param relativeLift treatment / control - 1 with the interval of the test: the score interval of
 *     the ratio (conversion), Fieller's interval (value), or the confidence sequence (sequential);
 *     truncated at -100% where a lift below that is impossible
 * @param absoluteDifference treatment - control with Mee's score interval (conversion) or the Welch
 *     interval (value); without an interval under sequential testing, whose sequence is on the
 *     relative lift
 * @param verdict what the reader is told
 */
public record Decision(
        String test,
        @Nullable Double pValue,
        @Nullable Double pValueAdjusted,
        double intervalLevel,
        Estimate relativeLift,
        Estimate absoluteDifference,
        Verdict verdict) {

    /** The word next to a comparison. */
    public enum Verdict {
        /** The adjusted p-value is below alpha: the intervals exclude "no difference". */
        SIGNIFICANT,
        /** Fixed horizon, not significant: the data do not settle the question. */
        INCONCLUSIVE,
        /** Sequential testing, not significant yet: looking again later is allowed. */
        NOT_YET,
        /** The test is not defined for the data (no participants, no conversions, no variance). */
        NOT_ENOUGH_DATA
    }

    /**
     * The significance level at which the uncorrected test reaches the corrected decision: alpha ·
     * p / p_adjusted. For Bonferroni that is alpha / m, for Holm's step j alpha / (m - j + 1) (where
     * neither the cap at 1 nor the monotone step changes the value); it guarantees that an interval
     * at level 1 - gamma excludes "no difference" exactly when p_adjusted &lt; alpha.
     */
    static double intervalAlpha(double alpha, @Nullable Double p, @Nullable Double adjusted, int familySize) {
        if (p == null || adjusted == null || adjusted.equals(p)) {
            return alpha;
        }
        // p = 0 (underflow) also gives an adjusted 0: any level rejects, take Bonferroni's.
        return adjusted == 0 ? alpha / Math.max(1, familySize) : alpha * p / adjusted;
    }
}
