package io.supportlab.experiments;

import io.supportlab.experiments.stats.AnalysisInput;
import io.supportlab.experiments.stats.AnalysisResult;
import io.supportlab.experiments.stats.Comparison;
import io.supportlab.experiments.stats.ExperimentAnalysis;
import io.supportlab.experiments.stats.Metric;
import io.supportlab.experiments.stats.SequentialSettings;
import io.supportlab.experiments.stats.VariantInput;
import io.supportlab.experiments.stats.VariantStats;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.web.Format;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calculates results: aggregates in SQL per variant and metric, analysis in {@code stats}, stored in
 * {@code ab_test_analyses} (everything, the seed's rows included) and served from there. Running
 * experiments are recalculated on a schedule as well as on demand.
 *
 * <p>The aggregation and the analysis take seconds at a million participants, so they run outside
 * any transaction (on SQLite a write transaction holds the database's single write lock from its
 * start); only storing the result is one short write, the same on every path.
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

    /**
     * Calculates the results now and stores them (unless a calculation started later stored first).
     *
     * @throws ConflictException when the experiment's raw events were deleted (archived-event
     *     retention): recounting what is left would replace the stored results
     */
    public ExperimentResults calculate(String idOrKey) {
        Experiment experiment = experiments.get(idOrKey);
        experimentRows.eventsDeletedAt(experiment.id()).ifPresent(at -> {
            throw new ConflictException("The raw events of experiment '" + experiment.key() + "' were deleted on "
                    + Format.dateTime(at) + " (archived-event retention); its stored results are kept and cannot "
                    + "be recalculated");
        });
        ExperimentResults calculated = compute(experiment, Instant.now(clock));
        String payload = json.writeValueAsString(calculated);
        results.saveAnalysis(experiment.id(), calculated.calculatedAt(), payload);
        return calculated;
    }

    /**
     * The last calculation, or a fresh one if there is none yet or the experiment has changed since
     * (another confidence level, correction, sequential testing, metric set, status or end date).
     * Once the raw events are deleted the stored results are final, whatever changed since.
     */
    public ExperimentResults get(String idOrKey) {
        Experiment experiment = experiments.get(idOrKey);
        Optional<ExperimentResults> stored = results.analysis(experiment.id()).flatMap(this::read);
        if (stored.isPresent()
                && (stored.get().experimentVersion() == experiment.version()
                        || experimentRows.eventsDeletedAt(experiment.id()).isPresent())) {
            return stored.get();
        }
        return calculate(experiment.id());
    }

    /** A stored payload, or nothing when it was written by a version that stored another shape. */
    private Optional<ExperimentResults> read(String payload) {
        try {
            return Optional.of(json.readValue(payload, ExperimentResults.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Recalculates every running experiment's results (scheduled by {@link ExperimentJobs}). */
    void recalculateRunning() {
        for (Experiment experiment : experimentRows.running()) {
            try {
                calculate(experiment.id());
            } catch (RuntimeException e) {
                log.warn("Could not recalculate results of experiment {}: {}", experiment.key(), e.getMessage());
            }
        }
    }

    /**
     * Reads the aggregates (converters of every metric first, then participants: see {@link
     * ResultsRepository#totals}) and analyses all metrics as one family.
     */
    private ExperimentResults compute(Experiment experiment, Instant now) {
        Instant until = experiment.endDate() == null ? now : experiment.endDate();
        Map<String, List<ResultsRepository.DailyConverters>> converters = new LinkedHashMap<>();
        for (String metric : experiment.metrics()) {
            converters.put(metric, results.dailyConverters(experiment.id(), metric, until));
        }
        List<ResultsRepository.DailyCount> participants = results.dailyParticipants(experiment.id());
        List<AnalysisInput> inputs = new ArrayList<>();
        List<Boolean> valued = new ArrayList<>();
        for (String metric : experiment.metrics()) {
            List<ResultsRepository.VariantTotals> totals =
                    ResultsRepository.totals(participants, converters.getOrDefault(metric, List.of()));
            boolean values = totals.stream().anyMatch(ResultsRepository.VariantTotals::valued);
            valued.add(values);
            inputs.add(input(experiment, totals, values));
        }
        List<AnalysisResult> analyses = ExperimentAnalysis.analyzeFamily(inputs);
        List<ExperimentResults.MetricResult> metrics = new ArrayList<>();
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String metric = experiment.metrics().get(i);
            metrics.add(new ExperimentResults.MetricResult(
                    metric, metric.equals(experiment.targetMetric()), valued.get(i), analyses.get(i)));
            rows.addAll(seedRows(metric, analyses.get(i), now));
        }
        return new ExperimentResults(
                experiment.id(),
                experiment.key(),
                experiment.status(),
                now,
                rows,
                metrics,
                timeSeries(experiment, participants, converters.getOrDefault(experiment.targetMetric(), List.of())),
                experiment.version());
    }

    /** Every configured variant, in order, also those nobody was assigned to yet. */
    private static AnalysisInput input(
            Experiment experiment, List<ResultsRepository.VariantTotals> totals, boolean valued) {
        Map<String, ResultsRepository.VariantTotals> byVariant = totals.stream()
                .collect(Collectors.toMap(ResultsRepository.VariantTotals::variant, Function.identity()));
        List<VariantInput> variants = experiment.variants().stream()
                .map(v -> {
                    var t = byVariant.get(v.validKey());
                    VariantInput input = VariantInput.conversion(
                            v.validKey(),
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
                .withPowerTarget(experiment.minimumDetectableEffect(), AnalysisInput.DEFAULT_TARGET_POWER)
                .withValuesNonNegative(totals.stream().noneMatch(ResultsRepository.VariantTotals::negative));
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
                        v.validKey(),
                        cumulative(participants, v.validKey(), dayList),
                        cumulative(conversions, v.validKey(), dayList),
                        v.displayName(),
                        v.validKey().equals(experiment.control().key())))
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
