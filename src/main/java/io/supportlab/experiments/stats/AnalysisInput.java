package io.supportlab.experiments.stats;

import java.util.HashSet;
import java.util.List;

/**
 * Everything one analysis needs. The first variant is the control; every other variant is a
 * treatment compared with it.
 *
 * @param confidenceLevel e.g. 0.95; a result is significant when its (adjusted) p-value is below
 *     {@code 1 - confidenceLevel}
 * @param variants control first, then the treatments; at least two
 * @param minimumSampleSize participants per variant before results stop being preliminary
 * @param correction multiple-comparison adjustment when there is more than one comparison
 * @param sequential whether significance uses always-valid inference
 * @param minimumDetectableEffect relative effect (0.10 = +10%) used for power and required sample
 *     size
 * @param targetPower power used for the required sample size, e.g. 0.8
 * @param valuesNonNegative whether every value of the value metric is 0 or more, so a relative lift
 *     below -100% is impossible (relative intervals are then truncated there); conversion rates are
 *     never negative
 */
public record AnalysisInput(
        double confidenceLevel,
        List<VariantInput> variants,
        long minimumSampleSize,
        CorrectionMethod correction,
        SequentialSettings sequential,
        double minimumDetectableEffect,
        double targetPower,
        boolean valuesNonNegative) {

    public static final double DEFAULT_MINIMUM_DETECTABLE_EFFECT = 0.10;
    public static final double DEFAULT_TARGET_POWER = 0.80;

    public AnalysisInput {
        variants = List.copyOf(variants);
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be between 0 and 1");
        }
        if (variants.size() < 2) {
            throw new IllegalArgumentException("need a control and at least one treatment");
        }
        if (new HashSet<>(variants.stream().map(VariantInput::key).toList()).size() != variants.size()) {
            throw new IllegalArgumentException("variant keys must be unique");
        }
        long withValue = variants.stream().filter(VariantInput::hasValue).count();
        if (withValue != 0 && withValue != variants.size()) {
            throw new IllegalArgumentException("either every variant has value sums or none has");
        }
        if (minimumSampleSize < 0) {
            throw new IllegalArgumentException("minimumSampleSize must not be negative");
        }
        if (!(minimumDetectableEffect > 0) || Double.isInfinite(minimumDetectableEffect)) {
            throw new IllegalArgumentException("minimumDetectableEffect must be positive");
        }
        if (!(targetPower > 0 && targetPower < 1)) {
            throw new IllegalArgumentException("targetPower must be between 0 and 1");
        }
    }

    /**
     * An input with the defaults: no minimum sample size, Holm correction, fixed horizon, 10% minimum
     * detectable effect, 80% target power, values that may be negative.
     */
    public static AnalysisInput of(double confidenceLevel, List<VariantInput> variants) {
        return new AnalysisInput(
                confidenceLevel,
                variants,
                0,
                CorrectionMethod.HOLM,
                SequentialSettings.OFF,
                DEFAULT_MINIMUM_DETECTABLE_EFFECT,
                DEFAULT_TARGET_POWER,
                false);
    }

    public AnalysisInput withMinimumSampleSize(long perVariant) {
        return new AnalysisInput(
                confidenceLevel,
                variants,
                perVariant,
                correction,
                sequential,
                minimumDetectableEffect,
                targetPower,
                valuesNonNegative);
    }

    public AnalysisInput withCorrection(CorrectionMethod method) {
        return new AnalysisInput(
                confidenceLevel,
                variants,
                minimumSampleSize,
                method,
                sequential,
                minimumDetectableEffect,
                targetPower,
                valuesNonNegative);
    }

    public AnalysisInput withSequential(SequentialSettings settings) {
        return new AnalysisInput(
                confidenceLevel,
                variants,
                minimumSampleSize,
                correction,
                settings,
                minimumDetectableEffect,
                targetPower,
                valuesNonNegative);
    }

    public AnalysisInput withPowerTarget(double relativeMinimumDetectableEffect, double power) {
        return new AnalysisInput(
                confidenceLevel,
                variants,
                minimumSampleSize,
                correction,
                sequential,
                relativeMinimumDetectableEffect,
                power,
                valuesNonNegative);
    }

    /** The same input, saying whether the value metric's values are all 0 or more. */
    public AnalysisInput withValuesNonNegative(boolean nonNegative) {
        return new AnalysisInput(
                confidenceLevel,
                variants,
                minimumSampleSize,
                correction,
                sequential,
                minimumDetectableEffect,
                targetPower,
                nonNegative);
    }

    double alpha() {
        return 1 - confidenceLevel;
    }

    VariantInput control() {
        return variants.getFirst();
    }

    List<VariantInput> treatments() {
        return variants.subList(1, variants.size());
    }

    boolean hasValueMetric() {
        return control().hasValue();
    }
}
