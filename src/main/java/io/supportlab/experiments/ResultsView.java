package io.supportlab.experiments;

import io.supportlab.experiments.stats.AnalysisResult;
import io.supportlab.experiments.stats.Comparison;
import io.supportlab.experiments.stats.CorrectionMethod;
import io.supportlab.experiments.stats.Decision;
import io.supportlab.experiments.stats.Estimate;
import io.supportlab.experiments.stats.Interval;
import io.supportlab.experiments.stats.Metric;
import io.supportlab.experiments.stats.Progress;
import io.supportlab.experiments.stats.SampleRatioCheck;
import io.supportlab.experiments.stats.VariantStats;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The results page's reading of an analysis: formatted numbers, verdicts, the lift chart and the
 * progress bar. Every number beside a verdict comes from the comparison's {@link Decision}, so the
 * table, the chart, the sentence and the exports agree with one another.
 *
 * @param intervalLabel what the intervals are, e.g. "95% CI" or "Holm-adjusted 95% always-valid CI"
 * @param family how the multiple-comparison correction was made, or null when nothing was corrected
 */
public record ResultsView(
        List<MetricView> metrics,
        boolean sampleRatioMismatch,
        @Nullable String sampleRatioNote,
        ProgressView progress,
        boolean sequential,
        boolean corrected,
        String intervalLabel,
        @Nullable String family) {

    /** One metric: its variants, comparisons and chart. */
    public record MetricView(
            String metric,
            boolean primary,
            boolean valueMetric,
            List<VariantRow> variants,
            List<ComparisonView> comparisons,
            IntervalChart chart) {}

    /** A variant's participants, conversions and (for value metrics) mean value. */
    public record VariantRow(
            String name,
            boolean control,
            long participants,
            long converters,
            String rate,
            String rateInterval,
            String mean) {}

    /** One treatment against the control, ready to print. */
    public record ComparisonView(
            String treatment,
            String measure,
            String relativeLift,
            String absoluteDifference,
            String pValue,
            String pValueAdjusted,
            String verdict,
            String verdictClass,
            String chanceToBeat,
            String expectedLoss,
            String summary) {}

    /**
     * Progress towards the sample the power analysis asks for.
     *
     * @param percent the bar's value, of {@code target} (or of the minimum sample size while the power
     *     analysis has no answer)
     * @param sentence what the bar means, in words
     * @param power achieved power for the minimum detectable effect, e.g. "39%", or null
     */
    public record ProgressView(
            int percent, String sentence, @Nullable String power, boolean preliminary) {}

    static ResultsView of(Experiment experiment, ExperimentResults results) {
        List<MetricView> metrics =
                results.metrics().stream().map(ResultsView::metric).toList();
        var primary = results.metrics().stream()
                .filter(ExperimentResults.MetricResult::primary)
                .findFirst()
                .orElse(results.metrics().getFirst());
        AnalysisResult analysis = primary.analysis();
        SampleRatioCheck srm = analysis.sampleRatio();
        boolean corrected = analysis.correction() != CorrectionMethod.NONE;
        String correction = corrected ? correctionName(analysis.correction()) + "-adjusted " : "";
        return new ResultsView(
                metrics,
                srm.status() == SampleRatioCheck.Status.MISMATCH,
                srm.notes().isEmpty() ? null : String.join(" ", srm.notes()),
                progress(experiment, analysis.progress(), analysis.sequential()),
                analysis.sequential(),
                corrected,
                correction
                        + percent(analysis.confidenceLevel(), 0)
                        + (analysis.sequential() ? " always-valid CI" : " CI"),
                corrected
                        ? correctionName(analysis.correction()) + " correction across " + analysis.familySize()
                                + " comparisons: every treatment against the control on every metric (conversion and,"
                                + " where events carry values, value per participant)"
                        : null);
    }

    private static MetricView metric(ExperimentResults.MetricResult m) {
        List<Comparison> comparisons = m.analysis().comparisons();
        return new MetricView(
                m.metric(),
                m.primary(),
                m.valueMetric(),
                java.util.stream.IntStream.range(0, m.analysis().variants().size())
                        .mapToObj(i -> variant(m.analysis().variants().get(i), i == 0))
                        .toList(),
                comparisons.stream().map(ResultsView::comparison).toList(),
                IntervalChart.of(comparisons, m.valueMetric()));
    }

    private static VariantRow variant(VariantStats v, boolean control) {
        Estimate rate = v.conversionRate();
        return new VariantRow(
                v.name(),
                control,
                v.participants(),
                v.converters(),
                rate.value() == null ? "n/a" : percent(rate.value(), 2),
                rate.interval() == null
                        ? "n/a"
                        : percent(rate.interval().lower(), 2) + " to "
                                + percent(rate.interval().upper(), 2),
                v.mean() == null || v.mean().value() == null
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.3f", v.mean().value()));
    }

    private static ComparisonView comparison(Comparison c) {
        Decision d = c.decision();
        boolean conversion = c.metric() == Metric.CONVERSION;
        var b = c.bayesian();
        return new ComparisonView(
                c.treatmentName(),
                conversion ? "conversion" : "value per participant",
                relative(d.relativeLift()),
                conversion ? points(d.absoluteDifference()) : units(d.absoluteDifference()),
                p(d.pValue()),
                p(d.pValueAdjusted()),
                verdict(d, conversion),
                switch (d.verdict()) {
                    case SIGNIFICANT -> "marker-yes";
                    case NOT_ENOUGH_DATA -> "marker-none";
                    default -> "marker-no";
                },
                b.chanceToBeatControl() == null ? "not enough data" : percent(b.chanceToBeatControl(), 1),
                b.expectedLossChoosingTreatment() == null
                        ? "not enough data"
                        : conversion
                                ? String.format(Locale.ROOT, "%.3f pp", b.expectedLossChoosingTreatment() * 100)
                                : String.format(
                                        Locale.ROOT, "%.2f%% of control", b.expectedLossChoosingTreatment() * 100),
                c.summary());
    }

    /** A variant's name, saying "(control)" for the control unless its name says so already. */
    public static String label(String name, boolean control) {
        return control && !name.toLowerCase(Locale.ROOT).contains("control") ? name + " (control)" : name;
    }

    /** "Significant: better", "Inconclusive", "Not yet", "Not enough data". */
    static String verdict(Decision d, boolean conversion) {
        return switch (d.verdict()) {
            case SIGNIFICANT -> {
                Double lift = d.absoluteDifference().value();
                boolean up = lift != null && lift > 0;
                yield "Significant: " + (conversion ? (up ? "better" : "worse") : (up ? "higher" : "lower"));
            }
            case INCONCLUSIVE -> "Inconclusive";
            case NOT_YET -> "Not yet";
            case NOT_ENOUGH_DATA -> "Not enough data";
        };
    }

    private static ProgressView progress(Experiment experiment, Progress p, boolean sequential) {
        String power = p.achievedPower() == null ? null : percent(p.achievedPower(), 0);
        String effect = "a " + trimmedPercent(p.minimumDetectableEffect()) + " relative change in conversion";
        if (p.targetPerVariant() == null || p.percentOfTarget() == null) {
            long minimum = experiment.minimumSampleSize();
            int percent = minimum <= 0 ? 100 : (int) Math.min(100, p.smallestVariantParticipants() * 100 / minimum);
            String why = p.notes().isEmpty() ? "" : " (" + p.notes().getFirst() + ")";
            return new ProgressView(
                    percent,
                    "The sample needed to detect " + effect + " cannot be estimated yet" + why + ". The smallest"
                            + " variant has " + count(p.smallestVariantParticipants()) + " of the "
                            + count(minimum) + " participants set as the minimum (" + percent + "%).",
                    null,
                    p.preliminary());
        }
        String target = p.requiredPerVariant() != null && p.targetPerVariant() > p.requiredPerVariant()
                ? " participants per variant set as the minimum sample size (the power analysis asks for "
                        + count(p.requiredPerVariant()) + ")"
                : " participants per variant needed to detect " + effect + " with " + percent(p.targetPower(), 0)
                        + " power";
        return new ProgressView(
                p.percentOfTarget(),
                "The smallest variant has " + count(p.smallestVariantParticipants()) + " of the "
                        + count(p.targetPerVariant()) + target + " (" + p.percentOfTarget() + "%)."
                        + (sequential
                                ? " Sequential testing needs somewhat more than this fixed-horizon estimate, but"
                                        + " you may stop as soon as a result is significant."
                                : ""),
                power,
                p.preliminary());
    }

    private static String correctionName(CorrectionMethod method) {
        return method == CorrectionMethod.HOLM ? "Holm" : "Benjamini-Hochberg";
    }

    /** "+3.1% (−0.5% to +6.7%)"; a relative lift cannot be below −100% and is truncated there. */
    private static String relative(Estimate e) {
        if (e.value() == null) {
            return "n/a";
        }
        Interval i = e.interval();
        return signedPercent(e.value())
                + (i == null
                        ? " (no interval)"
                        : " (" + signedPercent(i.lower()) + " to " + signedPercent(i.upper()) + ")");
    }

    /** Percentage points, for differences of rates. */
    private static String points(Estimate e) {
        if (e.value() == null) {
            return "n/a";
        }
        Interval i = e.interval();
        String value = String.format(Locale.ROOT, "%+.2f pp", e.value() * 100);
        return i == null
                ? value
                : value + String.format(Locale.ROOT, " (%+.2f to %+.2f)", i.lower() * 100, i.upper() * 100);
    }

    /** The metric's own unit, for differences of mean values. */
    private static String units(Estimate e) {
        if (e.value() == null) {
            return "n/a";
        }
        Interval i = e.interval();
        String value = String.format(Locale.ROOT, "%+.3f", e.value());
        return i == null ? value : value + String.format(Locale.ROOT, " (%+.3f to %+.3f)", i.lower(), i.upper());
    }

    private static String p(@Nullable Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /** 10% rather than 10.0%, 12.5% as it is. */
    private static String trimmedPercent(double fraction) {
        double value = fraction * 100;
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f%%", value) : percent(fraction, 1);
    }

    private static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
