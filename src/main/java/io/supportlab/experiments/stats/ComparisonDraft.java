package io.supportlab.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A comparison before multiple-comparison adjustment, significance and wording. */
record ComparisonDraft(
        VariantInput treatment,
        Metric metric,
        FrequentistResult frequentist,
        BayesianResult bayesian,
        @Nullable SequentialResult sequential) {

    static ComparisonDraft conversion(AnalysisInput input, VariantInput treatment) {
        VariantInput control = input.control();
        double confidence = input.confidenceLevel();
        HypothesisTest z = Proportions.pooledZTest(
                control.converters(), control.participants(), treatment.converters(), treatment.participants());
        Estimate absolute = Proportions.absoluteDifference(
                control.converters(),
                control.participants(),
                treatment.converters(),
                treatment.participants(),
                confidence);
        Estimate relative = Proportions.relativeLift(
                control.converters(),
                control.participants(),
                treatment.converters(),
                treatment.participants(),
                confidence);
        FrequentistResult frequentist = new FrequentistResult(
                "pooled two-proportion z-test", z.statistic(), null, z.pValue(), absolute, relative, z.notes());
        BayesianResult bayesian = BetaBinomial.compare(
                control.converters(), control.participants(), treatment.converters(), treatment.participants());
        SequentialResult sequential = input.sequential().enabled()
                ? ConfidenceSequence.compare(
                        Moments.ofProportion(control.converters(), control.participants()),
                        Moments.ofProportion(treatment.converters(), treatment.participants()),
                        confidence,
                        input.sequential().tuningParameter())
                : null;
        return new ComparisonDraft(treatment, Metric.CONVERSION, frequentist, bayesian, sequential);
    }

    static ComparisonDraft value(AnalysisInput input, VariantInput treatment) {
        Moments control = valueMoments(input.control());
        Moments treated = valueMoments(treatment);
        double confidence = input.confidenceLevel();
        HypothesisTest welch = Means.welch(control, treated);
        FrequentistResult frequentist = new FrequentistResult(
                "Welch's t-test",
                welch.statistic(),
                welch.degreesOfFreedom(),
                welch.pValue(),
                Means.absoluteDifference(control, treated, confidence),
                Means.relativeLift(control, treated, confidence),
                welch.notes());
        SequentialResult sequential = input.sequential().enabled()
                ? ConfidenceSequence.compare(
                        control, treated, confidence, input.sequential().tuningParameter())
                : null;
        return new ComparisonDraft(
                treatment, Metric.VALUE, frequentist, NormalLift.compare(control, treated, confidence), sequential);
    }

    static Moments valueMoments(VariantInput variant) {
        if (variant.valueSum() == null || variant.valueSumOfSquares() == null) {
            throw new IllegalStateException("variant has no value metric: " + variant.key());
        }
        return Moments.ofSums(variant.participants(), variant.valueSum(), variant.valueSumOfSquares());
    }

    /** The unadjusted p-value the significance marker is based on. */
    @Nullable
    Double decisionPValue() {
        return sequential != null ? sequential.pValue() : frequentist.pValue();
    }

    /** Relative lift estimate quoted to readers: the sequential one when enabled. */
    Estimate quotedLift() {
        return sequential != null ? sequential.relativeLift() : frequentist.relativeLift();
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>(frequentist.notes());
        notes.addAll(frequentist.absoluteDifference().notes());
        notes.addAll(frequentist.relativeLift().notes());
        notes.addAll(bayesian.notes());
        if (sequential != null) {
            notes.addAll(sequential.notes());
            notes.addAll(sequential.relativeLift().notes());
            notes.addAll(sequential.absoluteDifference().notes());
        }
        return notes.stream().distinct().toList();
    }
}
