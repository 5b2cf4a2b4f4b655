package io.supportlab.experiments.stats;

import java.util.List;

/**
 * Everything the results page shows for one analysis.
 *
 * @param confidenceLevel as requested
 * @param correction multiple-comparison adjustment applied (NONE when the family has a single
 *     comparison)
 * @param sequential whether significance is based on always-valid p-values
 * @param variants per-variant estimates, control first
 * @param comparisons every treatment against control, conversion first then value per treatment
 * @param sampleRatio sample-ratio-mismatch check
 * @param progress sample size and power
 * @param preliminary true while any variant is below the minimum sample size
 * @param familySize comparisons corrected together: every treatment against control on every metric
 *     analysed with this one (conversion and, where values are recorded, value per participant of
 *     the target and each secondary metric), counting those with a defined p-value
 */
public record AnalysisResult(
        double confidenceLevel,
        CorrectionMethod correction,
        boolean sequential,
        List<VariantStats> variants,
        List<Comparison> comparisons,
        SampleRatioCheck sampleRatio,
        Progress progress,
        boolean preliminary,
        int familySize) {

    public AnalysisResult {
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
    }
}
