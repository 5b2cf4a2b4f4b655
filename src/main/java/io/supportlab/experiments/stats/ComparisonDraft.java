package io.supportlab.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * A comparison before multiple-comparison adjustment, significance and wording.
 *
 * @param intervals the intervals that invert the decision test, at any level: what the reader is
 *     shown once the correction has fixed the level
 * @param nonNegative whether the metric cannot be negative, so that a relative lift below -100% is
 *     impossible and its intervals may be truncated there
 */
record ComparisonDraft(
        VariantInput treatment,
        Metric metric,
        FrequentistResult frequentist,
        BayesianResult bayesian,
        @Nullable SequentialResult sequential,
        DecisionIntervals intervals,
        boolean nonNegative) {

    /** Intervals of the relative lift and the difference that invert one test, by confidence level. */
    record DecisionIntervals(DoubleFunction<Estimate> relative, DoubleFunction<Estimate> absolute) {}

    static final String SEQUENTIAL_TEST = "always-valid confidence sequence";

    static final String RELATIVE_ONLY =
            "sequential testing: the always-valid interval is given for the relative lift, on which the test is made";

    static ComparisonDraft conversion(AnalysisInput input, VariantInput treatment) {
        VariantInput control = input.control();
        long xc = control.converters();
        long nc = control.participants();
        long xt = treatment.converters();
        long nt = treatment.participants();
        double confidence = input.confidenceLevel();
        HypothesisTest z = Proportions.pooledZTest(xc, nc, xt, nt);
        FrequentistResult frequentist = new FrequentistResult(
                "pooled two-proportion z-test",
                z.statistic(),
                null,
                z.pValue(),
                Proportions.absoluteDifference(xc, nc, xt, nt, confidence),
                Proportions.relativeLift(xc, nc, xt, nt, confidence),
                z.notes());
        BayesianResult bayesian = BetaBinomial.compare(xc, nc, xt, nt);
        Moments controlMoments = Moments.ofProportion(xc, nc);
        Moments treatmentMoments = Moments.ofProportion(xt, nt);
        SequentialResult sequential = input.sequential().enabled()
                ? ConfidenceSequence.compare(
                        controlMoments,
                        treatmentMoments,
                        confidence,
                        input.sequential().tuningParameter())
                : null;
        DecisionIntervals intervals = sequential != null
                ? sequentialIntervals(input, controlMoments, treatmentMoments)
                : new DecisionIntervals(
                        level -> ScoreIntervals.relativeLift(xc, nc, xt, nt, level),
                        level -> ScoreIntervals.difference(xc, nc, xt, nt, level));
        return new ComparisonDraft(treatment, Metric.CONVERSION, frequentist, bayesian, sequential, intervals, true);
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
        DecisionIntervals intervals = sequential != null
                ? sequentialIntervals(input, control, treated)
                : new DecisionIntervals(
                        level -> Means.fiellerLift(control, treated, level),
                        level -> Means.absoluteDifference(control, treated, level));
        return new ComparisonDraft(
                treatment,
                Metric.VALUE,
                frequentist,
                NormalLift.compare(control, treated, confidence),
                sequential,
                intervals,
                input.valuesNonNegative());
    }

    /** The relative lift's sequence at the chosen level (tuned for the analysis' alpha); the difference bare. */
    private static DecisionIntervals sequentialIntervals(AnalysisInput input, Moments control, Moments treated) {
        double alpha = input.alpha();
        double tuning = input.sequential().tuningParameter();
        Estimate difference = control.n() == 0 || treated.n() == 0
                ? Estimate.undefined(Differences.NO_PARTICIPANTS)
                : Estimate.withoutInterval(treated.mean() - control.mean(), RELATIVE_ONLY);
        return new DecisionIntervals(
                level -> ConfidenceSequence.relativeLift(control, treated, alpha, 1 - level, tuning),
                level -> difference);
    }

    static Moments valueMoments(VariantInput variant) {
        if (variant.valueSum() == null || variant.valueSumOfSquares() == null) {
            throw new IllegalStateException("variant has no value metric: " + variant.key());
        }
        return Moments.ofSums(variant.participants(), variant.valueSum(), variant.valueSumOfSquares());
    }

    /** The test the verdict rests on. */
    String decisionTest() {
        return sequential != null ? SEQUENTIAL_TEST : frequentist.test();
    }

    /** The unadjusted p-value the significance marker is based on. */
    @Nullable
    Double decisionPValue() {
        return sequential != null ? sequential.pValue() : frequentist.pValue();
    }

    /** The decision's intervals at level {@code 1 - gamma}, relative lifts truncated at -100% where lower is impossible. */
    Decision decide(@Nullable Double adjusted, double gamma, double alpha) {
        Estimate relative = intervals.relative().apply(1 - gamma);
        Interval interval = relative.interval();
        if (nonNegative && interval != null && interval.lower() < -1) {
            relative = new Estimate(relative.value(), new Interval(-1, interval.upper()), relative.notes());
        }
        Decision.Verdict verdict = adjusted == null
                ? Decision.Verdict.NOT_ENOUGH_DATA
                : adjusted < alpha
                        ? Decision.Verdict.SIGNIFICANT
                        : sequential != null ? Decision.Verdict.NOT_YET : Decision.Verdict.INCONCLUSIVE;
        return new Decision(
                decisionTest(),
                decisionPValue(),
                adjusted,
                1 - gamma,
                relative,
                intervals.absolute().apply(1 - gamma),
                verdict);
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
