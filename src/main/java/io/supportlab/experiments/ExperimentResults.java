package io.supportlab.experiments;

import io.supportlab.experiments.stats.AnalysisResult;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/ab-tests/{id}/results} answers: the seed's rows (one per variant per metric)
 * and, beside them, the full analysis of each metric and the daily cumulative series per variant.
 *
 * @param experimentVersion the experiment's {@code version} the analysis was calculated for; results
 *     of an older version are stale (their settings, status or end date have changed) and are
 *     recalculated when read
 */
public record ExperimentResults(
        String testId,
        String key,
        ExperimentStatus status,
        Instant calculatedAt,
        List<ResultRow> results,
        List<MetricResult> metrics,
        TimeSeries timeseries,
        int experimentVersion) {

    /**
     * The analysis of one metric; the target metric is the primary one, the others secondary. The
     * comparisons of all metrics form one family for the multiple-comparison correction.
     */
    public record MetricResult(String metric, boolean primary, boolean valueMetric, AnalysisResult analysis) {}

    /**
     * Cumulative participants and converters per variant per UTC day, for the chart.
     *
     * @param days the days, oldest first; each variant's lists have one value per day
     */
    public record TimeSeries(List<String> days, List<Line> variants) {

        /**
         * @param variant the variant's key
         * @param name its display name
         * @param control whether it is the control (the first variant)
         */
        public record Line(
                String variant, List<Long> participants, List<Long> converters, String name, boolean control) {}
    }
}
