package io.supportlab.experiments;

import io.supportlab.experiments.stats.Comparison;
import io.supportlab.experiments.stats.VariantStats;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The results as CSV for spreadsheets: one row per metric and variant, with the comparison against control. */
final class ResultsCsv {

    private static final String HEADER =
            "experiment,metric,variant,participants,converters,conversion_rate,rate_ci_lower,"
                    + "rate_ci_upper,relative_lift,lift_ci_lower,lift_ci_upper,p_value,adjusted_p_value,significant,"
                    + "chance_to_beat_control,calculated_at";

    private ResultsCsv() {}

    static String of(Experiment experiment, ExperimentResults results) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ExperimentResults.MetricResult metric : results.metrics()) {
            for (VariantStats variant : metric.analysis().variants()) {
                Comparison c = metric.analysis().comparisons().stream()
                        .filter(x -> x.treatmentKey().equals(variant.key())
                                && x.metric() == io.supportlab.experiments.stats.Metric.CONVERSION)
                        .findFirst()
                        .orElse(null);
                var rate = variant.conversionRate();
                var lift = c == null ? null : c.frequentist().relativeLift();
                csv.append(Stream.of(
                                        experiment.key(),
                                        metric.metric(),
                                        variant.key(),
                                        Long.toString(variant.participants()),
                                        Long.toString(variant.converters()),
                                        number(rate.value()),
                                        number(
                                                rate.interval() == null
                                                        ? null
                                                        : rate.interval().lower()),
                                        number(
                                                rate.interval() == null
                                                        ? null
                                                        : rate.interval().upper()),
                                        number(lift == null ? null : lift.value()),
                                        number(
                                                lift == null || lift.interval() == null
                                                        ? null
                                                        : lift.interval().lower()),
                                        number(
                                                lift == null || lift.interval() == null
                                                        ? null
                                                        : lift.interval().upper()),
                                        number(
                                                c == null
                                                        ? null
                                                        : c.frequentist().pValue()),
                                        number(c == null ? null : c.decisionPValue()),
                                        c == null ? "" : Boolean.toString(c.significant()),
                                        number(c == null ? null : c.bayesian().chanceToBeatControl()),
                                        results.calculatedAt().toString())
                                .map(ResultsCsv::field)
                                .collect(Collectors.joining(",")))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    private static String number(@Nullable Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.8g", value);
    }

    /** RFC 4180 quoting, and a leading quote against formula injection in spreadsheets. */
    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("[-+]?[0-9.eE+-]+")
                ? "'" + value
                : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
