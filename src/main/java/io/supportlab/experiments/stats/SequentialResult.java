package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Always-valid inference for one comparison: asymptotic confidence sequences (Waudby-Smith et al.)
 * as GrowthBook computes them.
 *
 * @param tuningParameter N* used
 * @param pValue always-valid p-value of the relative lift, null when not defined
 * @param relativeLift confidence sequence of the relative lift
 * @param absoluteDifference confidence sequence of the absolute difference
 * @param notes explanations for missing values
 */
public record SequentialResult(
        double tuningParameter,
        @Nullable Double pValue,
        Estimate relativeLift,
        Estimate absoluteDifference,
        List<String> notes) {

    public SequentialResult {
        notes = List.copyOf(notes);
    }
}
