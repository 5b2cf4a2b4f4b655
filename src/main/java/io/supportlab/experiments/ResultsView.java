package io.supportlab.experiments;

import io.supportlab.experiments.stats.Comparison;
import io.supportlab.experiments.stats.Estimate;
import io.supportlab.experiments.stats.Interval;
import io.supportlab.experiments.stats.Metric;
import io.supportlab.experiments.stats.SampleRatioCheck;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The results page's reading of an analysis: formatted numbers, markers, the lift chart and the
 * progress bar. All values come from the stored analysis, so the page and the exports agree.
 */
public record ResultsView(
        List<MetricView> metrics,
        boolean sampleRatioMismatch,
        @Nullable String sampleRatioNote,
        long smallestVariant,
        long minimumSampleSize,
        int progressPercent,
        boolean preliminary) {

    /** One metric: its table rows, comparisons and chart. */
    public record MetricView(
            String metric,
            boolean primary,
            List<ComparisonView> comparisons,
            IntervalChart chart,
            ExperimentResults.MetricResult result) {}

    /** One treatment against the control, ready to print. */
    public record ComparisonView(
            String treatment,
            String metric,
            String absoluteLift,
            String relativeLift,
            String pValue,
            String pValueAdjusted,
            String chanceToBeat,
            String expectedLoss,
            boolean significant,
            String summary) {}

    static ResultsView of(Experiment experiment, ExperimentResults results) {
        List<MetricView> metrics = results.metrics().stream()
                .map(m -> new MetricView(
                        m.metric(),
                        m.primary(),
                        m.analysis().comparisons().stream()
                                .map(ResultsView::comparison)
                                .toList(),
                        IntervalChart.of(m.analysis().comparisons().stream()
                                .filter(c -> c.metric() == Metric.CONVERSION)
                                .toList()),
                        m))
                .toList();
        var primary = results.metrics().stream()
                .filter(ExperimentResults.MetricResult::primary)
                .findFirst();
        SampleRatioCheck srm = primary.map(m -> m.analysis().sampleRatio()).orElse(null);
        long smallest = primary.map(m -> m.analysis().progress().smallestVariantParticipants())
                .orElse(0L);
        long minimum = experiment.minimumSampleSize();
        int percent = minimum <= 0 ? 100 : (int) Math.min(100, smallest * 100 / minimum);
        return new ResultsView(
                metrics,
                srm != null && srm.status() == SampleRatioCheck.Status.MISMATCH,
                srm == null || srm.notes().isEmpty() ? null : String.join(" ", srm.notes()),
                smallest,
                minimum,
                percent,
                primary.map(m -> m.analysis().preliminary()).orElse(true));
    }

    private static ComparisonView comparison(Comparison c) {
        var f = c.frequentist();
        var b = c.bayesian();
        return new ComparisonView(
                c.treatmentName(),
                c.metric() == Metric.CONVERSION ? "conversion" : "value per user",
                estimate(f.absoluteDifference(), c.metric() == Metric.CONVERSION),
                estimate(f.relativeLift(), true),
                p(f.pValue()),
                p(c.decisionPValue()),
                b.chanceToBeatControl() == null
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.1f%%", b.chanceToBeatControl() * 100),
                b.expectedLossChoosingTreatment() == null
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.4f", b.expectedLossChoosingTreatment()),
                c.significant(),
                c.summary());
    }

    /** "+3.1% (95% CI −0.5% to +6.7%)"; percentage points for rates and relative lifts. */
    private static String estimate(Estimate estimate, boolean percent) {
        if (estimate.value() == null) {
            return "n/a";
        }
        String value = format(estimate.value(), percent);
        Interval interval = estimate.interval();
        return interval == null
                ? value
                : value + " [" + format(interval.lower(), percent) + ", " + format(interval.upper(), percent) + "]";
    }

    private static String format(double value, boolean percent) {
        return percent
                ? String.format(Locale.ROOT, "%+.2f%%", value * 100)
                : String.format(Locale.ROOT, "%+.3f", value);
    }

    private static String p(@Nullable Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
