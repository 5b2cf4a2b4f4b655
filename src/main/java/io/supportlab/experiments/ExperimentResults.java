package io.supportlab.experiments;

import io.supportlab.experiments.stats.AnalysisResult;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/ab-tests/{id}/results} answers: the seed's rows (one per variant per metric)
 * and, beside them, the full analysis of each metric and the daily cumulative series per variant.
 */
public record ExperimentResults(
        String testId,
        String key,
        ExperimentStatus status,
        Instant calculatedAt,
        List<ResultRow> results,
        List<MetricResult> metrics,
        TimeSeries timeseries) {

    /** The analysis of one metric; the target metric is the primary one, the others exploratory. */
    public record MetricResult(String metric, boolean primary, boolean valueMetric, AnalysisResult analysis) {}

    /**
     * Cumulative participants and converters per variant per UTC day, for the chart.
     *
     * @param days the days, oldest first; each variant's lists have one value per day
     */
    public record TimeSeries(List<String> days, List<Line> variants) {

        public record Line(String variant, List<Long> participants, List<Long> converters) {}
    }
}
