package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether participants were split across variants as configured (Pearson chi-square
 * goodness-of-fit).
 *
 * @param status the verdict
 * @param chiSquare the Pearson statistic, null when not computed
 * @param degreesOfFreedom number of variants with positive weight minus one
 * @param pValue upper-tail chi-square probability, null when not computed
 * @param notes why the verdict is what it is
 */
public record SampleRatioCheck(
        Status status,
        @Nullable Double chiSquare,
        int degreesOfFreedom,
        @Nullable Double pValue,
        List<String> notes) {

    /** Flag threshold: a mismatch is reported below this p-value. */
    public static final double THRESHOLD = 0.001;

    /** Below this expected count in any variant the check reports {@link Status#NOT_ENOUGH_DATA}. */
    public static final int MINIMUM_EXPECTED_PER_VARIANT = 8;

    public SampleRatioCheck {
        notes = List.copyOf(notes);
    }

    /** Verdict of the check. */
    public enum Status {
        /** Split consistent with the configured weights. */
        OK,
        /** Split very unlikely under the configured weights: results are suspect. */
        MISMATCH,
        /** Too few participants to judge. */
        NOT_ENOUGH_DATA
    }
}
