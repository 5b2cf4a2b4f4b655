package io.supportlab.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of the statistics engine: analyses one experiment from per-variant sufficient
 * statistics. Pure and deterministic; safe to call from any thread.
 */
public final class ExperimentAnalysis {

    private ExperimentAnalysis() {}

    /**
     * Analyses an experiment: per-variant estimates, every treatment against control on conversion
     * (and value, when given), multiple-comparison adjustment, sample ratio check, power and
     * summaries.
     *
     * <p>Edge-case data (empty variants, 0% or 100% conversion, no variance) never throws: undefined
     * quantities are null and explained in notes. Invalid input is rejected earlier, when the input
     * records are constructed.
     */
    public static AnalysisResult analyze(AnalysisInput input) {
        List<VariantStats> variants = input.variants().stream()
                .map(v -> variantStats(v, input.confidenceLevel()))
                .toList();
        List<ComparisonDraft> drafts = drafts(input);
        CorrectionMethod correction = drafts.size() > 1 ? input.correction() : CorrectionMethod.NONE;
        List<@Nullable Double> adjusted = MultipleComparisons.adjust(
                drafts.stream().map(ComparisonDraft::decisionPValue).toList(), correction);
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
            comparisons.add(finish(drafts.get(i), adjusted.get(i), input.alpha(), context));
        }
        return new AnalysisResult(
                input.confidenceLevel(),
                correction,
                input.sequential().enabled(),
                variants,
                comparisons,
                sampleRatio,
                progress,
                progress.preliminary());
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
            ComparisonDraft draft, @Nullable Double decisionPValue, double alpha, Summaries.Context context) {
        boolean significant = decisionPValue != null && decisionPValue < alpha;
        List<String> notes = new ArrayList<>(draft.notes());
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
                decisionPValue,
                significant,
                Summaries.of(draft, decisionPValue, significant, context),
                notes);
    }
}
