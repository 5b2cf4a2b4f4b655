package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far the experiment is towards a trustworthy read: the participants the power analysis asks
 * for, and the power reached so far.
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
 * @param minimumDetectableEffect the relative effect the power analysis is for (0.1 = 10%)
 * @param targetPower the power the required sample size aims at
 * @param targetPerVariant what progress counts towards: the larger of the minimum sample size and
 *     {@code requiredPerVariant}; null while the latter is unknown
 * @param percentOfTarget the smallest variant's share of {@code targetPerVariant}, in whole percent
 *     up to 100; null while the target is unknown
 */
public record Progress(
        long smallestVariantParticipants,
        long minimumSampleSize,
        boolean preliminary,
        @Nullable Long requiredPerVariant,
        @Nullable Double achievedPower,
        List<String> notes,
        double minimumDetectableEffect,
        double targetPower,
        @Nullable Long targetPerVariant,
        @Nullable Integer percentOfTarget) {

    public Progress {
        notes = List.copyOf(notes);
    }
}
