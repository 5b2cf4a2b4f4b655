package io.supportlab.experiments;

import io.supportlab.experiments.stats.AnalysisInput;
import io.supportlab.experiments.stats.AnalysisResult;
import io.supportlab.experiments.stats.Comparison;
import io.supportlab.experiments.stats.ExperimentAnalysis;
import io.supportlab.experiments.stats.Metric;
import io.supportlab.experiments.stats.SequentialSettings;
import io.supportlab.experiments.stats.VariantInput;
import io.supportlab.experiments.stats.VariantStats;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calculates results: aggregates in SQL per variant and metric, analysis in {@code stats}, stored in
 * {@code ab_test_results} (the seed's rows) and {@code ab_test_analyses} (everything). Running
 * experiments are recalculated on a schedule as well as on demand.
 */
@Service
public class ResultsService {

    private static final Logger log = LoggerFactory.getLogger(ResultsService.class);

    private final ExperimentService experiments;
    private final ResultsRepository results;
    private final ExperimentRepository experimentRows;
    private final JsonMapper json;
    private final Clock clock;

    ResultsService(
            ExperimentService experiments,
            ResultsRepository results,
            ExperimentRepository experimentRows,
            JsonMapper json,
            Clock clock) {
        this.experiments = experiments;
        this.results = results;
        this.experimentRows = experimentRows;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public ExperimentResults calculate(String idOrKey) {
        Experiment experiment = experiments.get(idOrKey);
        Instant now = Instant.now(clock);
        Instant until = experiment.endDate() == null ? now : experiment.endDate();
        List<ExperimentResults.MetricResult> metrics = new ArrayList<>();
        List<ResultRow> rows = new ArrayList<>();
        List<ResultsRepository.DailyCount> participants = results.dailyParticipants(experiment.id());
        List<ResultsRepository.DailyConverters> targetConverters = List.of();
        for (String metric : experiment.metrics()) {
            List<ResultsRepository.DailyConverters> converters =
                    results.dailyConverters(experiment.id(), metric, until);
            if (metric.equals(experiment.targetMetric())) {
                targetConverters = converters;
            }
            List<ResultsRepository.VariantTotals> totals = ResultsRepository.totals(participants, converters);
            boolean valued = totals.stream().anyMatch(ResultsRepository.VariantTotals::valued);
            AnalysisResult analysis = ExperimentAnalysis.analyze(input(experiment, totals, valued));
            metrics.add(new ExperimentResults.MetricResult(
                    metric, metric.equals(experiment.targetMetric()), valued, analysis));
            rows.addAll(seedRows(metric, analysis, now));
        }
        ExperimentResults calculated = new ExperimentResults(
                experiment.id(),
                experiment.key(),
                experiment.status(),
                now,
                rows,
                metrics,
                timeSeries(experiment, participants, targetConverters));
        results.replaceRows(experiment.id(), rows);
        results.saveAnalysis(experiment.id(), now, json.writeValueAsString(calculated));
        return calculated;
    }

    /** The last calculation, or a fresh one if there is none yet. */
    public ExperimentResults get(String idOrKey) {
        Experiment experiment = experiments.get(idOrKey);
        return results.analysis(experiment.id())
                .map(payload -> json.readValue(payload, ExperimentResults.class))
                .orElseGet(() -> calculate(experiment.id()));
    }

    @Scheduled(
            fixedDelayString = "${supportlab.experiments.results-interval:5m}",
            initialDelayString = "${supportlab.experiments.results-interval:5m}")
    void recalculateRunning() {
        for (Experiment experiment : experimentRows.running()) {
            try {
                calculate(experiment.id());
            } catch (RuntimeException e) {
                log.warn("Could not recalculate results of experiment {}: {}", experiment.key(), e.getMessage());
            }
        }
    }

    /** Every configured variant, in order, also those nobody was assigned to yet. */
    private static AnalysisInput input(
            Experiment experiment, List<ResultsRepository.VariantTotals> totals, boolean valued) {
        Map<String, ResultsRepository.VariantTotals> byVariant = totals.stream()
                .collect(Collectors.toMap(ResultsRepository.VariantTotals::variant, Function.identity()));
        List<VariantInput> variants = experiment.variants().stream()
                .map(v -> {
                    var t = byVariant.get(v.key());
                    VariantInput input = VariantInput.conversion(
                            v.key(),
                            v.displayName(),
                            v.weight() == null ? 0 : v.weight(),
                            t == null ? 0 : t.participants(),
                            t == null ? 0 : t.converters());
                    return valued
                            ? input.withValue(t == null ? 0 : t.valueSum(), t == null ? 0 : t.valueSumOfSquares())
                            : input;
                })
                .toList();
        AnalysisInput input = AnalysisInput.of(experiment.confidenceLevel(), variants)
                .withMinimumSampleSize(experiment.minimumSampleSize())
                .withCorrection(experiment.correction().method())
                .withPowerTarget(experiment.minimumDetectableEffect(), AnalysisInput.DEFAULT_TARGET_POWER);
        return experiment.sequentialTesting() ? input.withSequential(SequentialSettings.on()) : input;
    }

    /** The seed's rows: per variant its rate and Wilson interval; for treatments the z-test against control. */
    private static List<ResultRow> seedRows(String metric, AnalysisResult analysis, Instant now) {
        Map<String, Comparison> conversion = analysis.comparisons().stream()
                .filter(c -> c.metric() == Metric.CONVERSION)
                .collect(Collectors.toMap(Comparison::treatmentKey, Function.identity()));
        List<ResultRow> rows = new ArrayList<>();
        for (VariantStats variant : analysis.variants()) {
            Comparison comparison = conversion.get(variant.key());
            var rate = variant.conversionRate();
            rows.add(new ResultRow(
                    variant.key(),
                    metric,
                    variant.participants(),
                    variant.converters(),
                    rate.value() == null ? 0 : rate.value(),
                    rate.interval() == null ? null : rate.interval().lower(),
                    rate.interval() == null ? null : rate.interval().upper(),
                    comparison == null ? null : comparison.frequentist().statistic(),
                    comparison == null ? null : comparison.frequentist().pValue(),
                    comparison == null ? null : comparison.significant(),
                    now));
        }
        return rows;
    }

    private static ExperimentResults.TimeSeries timeSeries(
            Experiment experiment,
            List<ResultsRepository.DailyCount> participants,
            List<ResultsRepository.DailyConverters> targetConverters) {
        List<ResultsRepository.DailyCount> conversions = targetConverters.stream()
                .map(d -> new ResultsRepository.DailyCount(d.variant(), d.day(), d.converters()))
                .toList();
        TreeSet<String> days = new TreeSet<>();
        participants.forEach(d -> days.add(d.day()));
        conversions.forEach(d -> days.add(d.day()));
        List<String> dayList = List.copyOf(days);
        List<ExperimentResults.TimeSeries.Line> lines = experiment.variants().stream()
                .map(v -> new ExperimentResults.TimeSeries.Line(
                        v.key(), cumulative(participants, v.key(), dayList), cumulative(conversions, v.key(), dayList)))
                .toList();
        return new ExperimentResults.TimeSeries(dayList, lines);
    }

    private static List<Long> cumulative(List<ResultsRepository.DailyCount> counts, String variant, List<String> days) {
        Map<String, Long> byDay = counts.stream()
                .filter(c -> c.variant().equals(variant))
                .collect(Collectors.toMap(ResultsRepository.DailyCount::day, ResultsRepository.DailyCount::count));
        List<Long> series = new ArrayList<>();
        long running = 0;
        for (String day : days) {
            running += byDay.getOrDefault(day, 0L);
            series.add(running);
        }
        return series;
    }
}
