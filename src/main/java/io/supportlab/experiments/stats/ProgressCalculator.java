package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sample-size progress and power of an experiment, on the observed control conversion rate. The
 * power is that of the fixed-horizon pooled z-test (the test the verdict rests on) for one
 * comparison at the analysis' confidence level.
 */
final class ProgressCalculator {

    private ProgressCalculator() {}

    static Progress progress(AnalysisInput input) {
        long smallest = input.variants().stream()
                .mapToLong(VariantInput::participants)
                .min()
                .orElse(0);
        VariantInput control = input.control();
        long smallestTreatment = input.treatments().stream()
                .mapToLong(VariantInput::participants)
                .min()
                .orElse(0);
        if (control.participants() == 0 || smallestTreatment == 0) {
            return of(input, smallest, null, null, "power not defined: a variant has no participants yet");
        }
        double baseline = (double) control.converters() / control.participants();
        double treated = baseline * (1 + input.minimumDetectableEffect());
        if (baseline == 0 || baseline == 1 || treated >= 1) {
            return of(
                    input,
                    smallest,
                    null,
                    null,
                    "power not defined: the control conversion rate is 0% or 100%, or the minimum detectable"
                            + " effect would take it past 100%");
        }
        long required = Power.sampleSizePerVariant(
                baseline, input.minimumDetectableEffect(), input.confidenceLevel(), input.targetPower());
        double power = Power.achievedPower(
                baseline,
                input.minimumDetectableEffect(),
                input.confidenceLevel(),
                control.participants(),
                smallestTreatment);
        return of(input, smallest, required, power, null);
    }

    private static Progress of(
            AnalysisInput input,
            long smallest,
            @Nullable Long required,
            @Nullable Double power,
            @Nullable String note) {
        Long target = required == null ? null : Math.max(required, input.minimumSampleSize());
        Integer percent = target == null ? null : (int) Math.min(100, target == 0 ? 100 : smallest * 100 / target);
        return new Progress(
                smallest,
                input.minimumSampleSize(),
                smallest < input.minimumSampleSize(),
                required,
                power,
                note == null ? List.of() : List.of(note),
                input.minimumDetectableEffect(),
                input.targetPower(),
                target,
                percent);
    }
}
