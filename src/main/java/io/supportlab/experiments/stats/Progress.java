package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far the experiment is towards a trustworthy read.
 *
 * @param smallestVariantParticipants participants in the smallest variant
 * @param minimumSampleSize configured participants per variant before results are final
 * @param preliminary true while any variant is below the minimum sample size
 * @param requiredPerVariant participants per variant needed to detect the configured relative
 *     effect on the observed control conversion rate at the target power; null when that rate is 0%
 *     or 100% (or the effect would push it past 100%)
 * @param achievedPower power already reached for that effect with the smallest treatment; null
 *     under the same conditions
 * @param notes explanations for missing values
 */
public record Progress(
        long smallestVariantParticipants,
        long minimumSampleSize,
        boolean preliminary,
        @Nullable Long requiredPerVariant,
        @Nullable Double achievedPower,
        List<String> notes) {

    public Progress {
        notes = List.copyOf(notes);
    }
}
