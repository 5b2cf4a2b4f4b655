package io.supportlab.experiments;

import io.supportlab.experiments.stats.Comparison;
import io.supportlab.experiments.stats.Decision;
import io.supportlab.experiments.stats.Estimate;
import io.supportlab.experiments.stats.Metric;
import io.supportlab.experiments.stats.VariantStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The results as CSV for spreadsheets: one row per metric, measure (conversion, and value where events
 * carry values) and variant. A treatment's row carries its decision: the test, the p-value before and
 * after correction, the verdict and the intervals of that same test at the level the correction
 * implies, as the page shows them.
 */
final class ResultsCsv {

    private static final String HEADER = "experiment,metric,measure,variant,control,participants,converters,"
            + "conversion_rate,rate_ci_lower,rate_ci_upper,mean_value,test,relative_lift,lift_ci_lower,lift_ci_upper,"
            + "difference,difference_ci_lower,difference_ci_upper,interval_level,p_value,adjusted_p_value,verdict,"
            + "significant,chance_to_beat_control,expected_loss_if_shipped,calculated_at";

    private ResultsCsv() {}

    static String of(Experiment experiment, ExperimentResults results) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ExperimentResults.MetricResult metric : results.metrics()) {
            List<Metric> measures =
                    metric.valueMetric() ? List.of(Metric.CONVERSION, Metric.VALUE) : List.of(Metric.CONVERSION);
            for (Metric measure : measures) {
                List<VariantStats> variants = metric.analysis().variants();
                for (int i = 0; i < variants.size(); i++) {
                    VariantStats variant = variants.get(i);
                    Comparison c = metric.analysis().comparisons().stream()
                            .filter(x -> x.treatmentKey().equals(variant.key()) && x.metric() == measure)
                            .findFirst()
                            .orElse(null);
                    List<String> fields = new ArrayList<>(List.of(
                            experiment.key(),
                            metric.metric(),
                            measure == Metric.CONVERSION ? "conversion" : "value",
                            variant.key(),
                            Boolean.toString(i == 0),
                            Long.toString(variant.participants()),
                            Long.toString(variant.converters())));
                    fields.addAll(estimate(variant.conversionRate()));
                    fields.add(number(
                            variant.mean() == null ? null : variant.mean().value()));
                    fields.addAll(decision(c));
                    fields.add(results.calculatedAt().toString());
                    csv.append(fields.stream().map(ResultsCsv::field).collect(Collectors.joining(",")))
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** The comparison's columns, empty for the control. */
    private static List<String> decision(@Nullable Comparison c) {
        if (c == null) {
            return java.util.Collections.nCopies(13, "");
        }
        Decision d = c.decision();
        List<String> fields = new ArrayList<>();
        fields.add(d.test());
        fields.addAll(estimate(d.relativeLift()));
        fields.addAll(estimate(d.absoluteDifference()));
        fields.add(number(d.intervalLevel()));
        fields.add(number(d.pValue()));
        fields.add(number(d.pValueAdjusted()));
        fields.add(d.verdict().name().toLowerCase(Locale.ROOT));
        fields.add(Boolean.toString(c.significant()));
        fields.add(number(c.bayesian().chanceToBeatControl()));
        fields.add(number(c.bayesian().expectedLossChoosingTreatment()));
        return fields;
    }

    private static List<String> estimate(Estimate e) {
        return List.of(
                number(e.value()),
                number(e.interval() == null ? null : e.interval().lower()),
                number(e.interval() == null ? null : e.interval().upper()));
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
