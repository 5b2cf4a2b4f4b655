package io.supportlab.experiments.stats;

import java.util.List;

/** Sample-size progress and power of an experiment, on the observed control conversion rate. */
final class ProgressCalculator {

    private ProgressCalculator() {}

    static Progress progress(AnalysisInput input) {
        long smallest = input.variants().stream()
                .mapToLong(VariantInput::participants)
                .min()
                .orElse(0);
        boolean preliminary = smallest < input.minimumSampleSize();
        VariantInput control = input.control();
        long smallestTreatment = input.treatments().stream()
                .mapToLong(VariantInput::participants)
                .min()
                .orElse(0);
        if (control.participants() == 0 || smallestTreatment == 0) {
            return new Progress(
                    smallest,
                    input.minimumSampleSize(),
                    preliminary,
                    null,
                    null,
                    List.of("power not defined: a variant has no participants yet"));
        }
        double baseline = (double) control.converters() / control.participants();
        double treated = baseline * (1 + input.minimumDetectableEffect());
        if (baseline == 0 || baseline == 1 || treated >= 1) {
            return new Progress(
                    smallest,
                    input.minimumSampleSize(),
                    preliminary,
                    null,
                    null,
                    List.of("power not defined: the control conversion rate is 0% or 100%, or the minimum detectable"
                            + " effect would take it past 100%"));
        }
        long required = Power.sampleSizePerVariant(
                baseline, input.minimumDetectableEffect(), input.confidenceLevel(), input.targetPower());
        double power = Power.achievedPower(
                baseline,
                input.minimumDetectableEffect(),
                input.confidenceLevel(),
                control.participants(),
                smallestTreatment);
        return new Progress(smallest, input.minimumSampleSize(), preliminary, required, power, List.of());
    }
}
