package io.supportlab.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of the statistics engine: analyses one experiment from per-variant sufficient
 * statistics. Pure and deterministic; safe to call from any thread.
 */
public final class ExperimentAnalysis {

    private ExperimentAnalysis() {}

    /**
     * Analyses one metric of an experiment: per-variant estimates, every treatment against control on
     * conversion (and value, when given), multiple-comparison adjustment across those comparisons,
     * sample ratio check, power and summaries.
     *
     * <p>Edge-case data (empty variants, 0% or 100% conversion, no variance) never throws: undefined
     * quantities are null and explained in notes. Invalid input is rejected earlier, when the input
     * records are constructed.
     */
    public static AnalysisResult analyze(AnalysisInput input) {
        return analyzeFamily(List.of(input)).getFirst();
    }

    /**
     * Analyses every metric of an experiment as one family: each metric as {@link #analyze} does, but
     * the p-values of all comparisons of all metrics (every treatment × conversion and value × metric)
     * are corrected together, as GrowthBook corrects all its non-guardrail metrics × variations.
     *
     * @param metrics one input per metric, all with the same confidence level, correction and
     *     sequential settings
     * @return one result per metric, in the same order
     * @throws IllegalArgumentException when the inputs disagree on those settings, or there are none
     */
    public static List<AnalysisResult> analyzeFamily(List<AnalysisInput> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("need at least one metric");
        }
        AnalysisInput first = metrics.getFirst();
        for (AnalysisInput other : metrics) {
            if (other.confidenceLevel() != first.confidenceLevel()
                    || other.correction() != first.correction()
                    || !other.sequential().equals(first.sequential())) {
                throw new IllegalArgumentException(
                        "the metrics of one family need the same confidence, correction" + " and sequential settings");
            }
        }
        List<List<ComparisonDraft>> drafts =
                metrics.stream().map(ExperimentAnalysis::drafts).toList();
        List<@Nullable Double> pValues = drafts.stream()
                .flatMap(List::stream)
                .map(ComparisonDraft::decisionPValue)
                .toList();
        int familySize = (int) pValues.stream().filter(Objects::nonNull).count();
        CorrectionMethod correction = familySize > 1 ? first.correction() : CorrectionMethod.NONE;
        List<@Nullable Double> adjusted = MultipleComparisons.adjust(pValues, correction);
        List<AnalysisResult> results = new ArrayList<>();
        int offset = 0;
        for (int m = 0; m < metrics.size(); m++) {
            List<ComparisonDraft> own = drafts.get(m);
            results.add(
                    result(metrics.get(m), own, adjusted.subList(offset, offset + own.size()), correction, familySize));
            offset += own.size();
        }
        return results;
    }

    private static AnalysisResult result(
            AnalysisInput input,
            List<ComparisonDraft> drafts,
            List<@Nullable Double> adjusted,
            CorrectionMethod correction,
            int familySize) {
        List<VariantStats> variants = input.variants().stream()
                .map(v -> variantStats(v, input.confidenceLevel()))
                .toList();
        SampleRatioCheck sampleRatio = SampleRatio.check(
                input.variants().stream().mapToLong(VariantInput::participants).toArray(),
                input.variants().stream().mapToDouble(VariantInput::weight).toArray());
        Progress progress = ProgressCalculator.progress(input);
        Summaries.Context context = new Summaries.Context(
                input.confidenceLevel(),
                correction,
                progress.preliminary(),
                sampleRatio.status() == SampleRatioCheck.Status.MISMATCH);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            comparisons.add(finish(drafts.get(i), adjusted.get(i), input.alpha(), familySize, context));
        }
        return new AnalysisResult(
                input.confidenceLevel(),
                correction,
                input.sequential().enabled(),
                variants,
                comparisons,
                sampleRatio,
                progress,
                progress.preliminary(),
                familySize);
    }

    private static List<ComparisonDraft> drafts(AnalysisInput input) {
        List<ComparisonDraft> drafts = new ArrayList<>();
        for (VariantInput treatment : input.treatments()) {
            drafts.add(ComparisonDraft.conversion(input, treatment));
            if (input.hasValueMetric()) {
                drafts.add(ComparisonDraft.value(input, treatment));
            }
        }
        return drafts;
    }

    static VariantStats variantStats(VariantInput variant, double confidenceLevel) {
        Estimate mean = variant.hasValue() ? Means.mean(ComparisonDraft.valueMoments(variant), confidenceLevel) : null;
        return new VariantStats(
                variant.key(),
                variant.name(),
                variant.participants(),
                variant.converters(),
                Proportions.wilson(variant.converters(), variant.participants(), confidenceLevel),
                BetaBinomial.credibleInterval(variant.converters(), variant.participants(), confidenceLevel),
                mean);
    }

    private static Comparison finish(
            ComparisonDraft draft, @Nullable Double adjusted, double alpha, int familySize, Summaries.Context context) {
        double gamma = Decision.intervalAlpha(alpha, draft.decisionPValue(), adjusted, familySize);
        Decision decision = draft.decide(adjusted, gamma, alpha);
        boolean significant = decision.verdict() == Decision.Verdict.SIGNIFICANT;
        List<String> notes = new ArrayList<>(draft.notes());
        notes.addAll(decision.relativeLift().notes());
        notes.addAll(decision.absoluteDifference().notes());
        if (context.preliminary()) {
            notes.add("preliminary: the minimum sample size has not been reached in every variant");
        }
        return new Comparison(
                draft.treatment().key(),
                draft.treatment().name(),
                draft.metric(),
                draft.frequentist(),
                draft.bayesian(),
                draft.sequential(),
                adjusted,
                significant,
                Summaries.of(draft, decision, context),
                notes.stream().distinct().toList(),
                decision);
    }
}
