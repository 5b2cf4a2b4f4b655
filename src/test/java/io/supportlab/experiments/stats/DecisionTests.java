package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ProportionsTests.lower;
import static io.supportlab.experiments.stats.ProportionsTests.upper;
import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The verdict, its p-values and its intervals come from one test (issue 15, items 16, 17 and 21). */
class DecisionTests {

    private static VariantInput variant(String key, long participants, long converters) {
        return VariantInput.conversion(key, "Variant " + key, 1, participants, converters);
    }

    private static Comparison compare(AnalysisInput input) {
        return ExperimentAnalysis.analyze(input).comparisons().getFirst();
    }

    private static Comparison compare(long nc, long xc, long nt, long xt) {
        return compare(AnalysisInput.of(0.95, List.of(variant("A", nc, xc), variant("B", nt, xt))));
    }

    @Test
    void aSignificantLiftIsQuotedWithAnIntervalThatExcludesZero() {
        Comparison c = compare(1000, 100, 1000, 130);
        assertThat(c.summary())
                .isEqualTo("Variant B converts 30.0% better than control (95% CI +1.8% to +66.1%);"
                        + " the difference is statistically significant (p = 0.035).");
        assertThat(c.decision().relativeLift().interval().excludes(0)).isTrue();
        assertThat(c.decision().absoluteDifference().interval().excludes(0)).isTrue();
    }

    @Test
    void aNonSignificantDropIsQuotedWithAnIntervalThatIncludesZero() {
        Comparison c = compare(1000, 100, 1000, 76);
        assertThat(c.summary())
                .isEqualTo(
                        "Variant B converts 24.0% worse than control (95% CI -42.8% to +0.9%);"
                                + " the difference is not statistically significant (p = 0.058), so the result is inconclusive.");
        assertThat(c.decision().verdict()).isEqualTo(Decision.Verdict.INCONCLUSIVE);
        assertThat(c.decision().relativeLift().interval().excludes(0)).isFalse();
        assertThat(c.decision().absoluteDifference().interval().excludes(0)).isFalse();
    }

    @Test
    void callsAnAaTestInconclusiveNotNotYet() {
        Comparison c = compare(5000, 500, 5000, 501);
        assertThat(c.frequentist().pValue()).isGreaterThan(0.9);
        assertThat(c.decision().verdict()).isEqualTo(Decision.Verdict.INCONCLUSIVE);
    }

    @Test
    void sequentialTestingShowsTheSequenceAndTheAlwaysValidPValues() {
        AnalysisInput input = AnalysisInput.of(0.95, List.of(variant("A", 4000, 400), variant("B", 4000, 460)))
                .withSequential(SequentialSettings.on());
        Comparison c = compare(input);
        assertThat(c.frequentist().relativeLift().interval().excludes(0)).isTrue(); // the fixed-horizon view
        assertThat(c.decision().test()).isEqualTo("always-valid confidence sequence");
        assertThat(c.decision().pValue()).isEqualTo(c.sequential().pValue());
        assertThat(c.decision().relativeLift()).isEqualTo(c.sequential().relativeLift());
        assertThat(c.decision().relativeLift().interval().excludes(0)).isFalse();
        assertThat(c.decision().absoluteDifference().interval()).isNull();
        assertThat(c.decision().verdict()).isEqualTo(Decision.Verdict.NOT_YET);
        assertThat(c.summary())
                .contains("(95% always-valid CI ")
                .endsWith("the difference is not statistically significant yet (always-valid p = "
                        + String.format(
                                java.util.Locale.ROOT, "%.3f", c.sequential().pValue())
                        + "); keep collecting data.");
    }

    @Test
    void correctedIntervalsExcludeZeroExactlyWhenTheAdjustedPValueIsBelowAlpha() {
        // Item 17's row: an uncorrected interval excluding 0 beside an adjusted p of 0.48.
        AnalysisInput input = AnalysisInput.of(
                0.95,
                List.of(
                        variant("A", 5000, 500),
                        variant("B", 5000, 570),
                        variant("C", 5000, 505),
                        variant("D", 5000, 498)));
        for (Comparison c : ExperimentAnalysis.analyze(input).comparisons()) {
            Decision d = c.decision();
            assertThat(d.relativeLift().interval().excludes(0)).isEqualTo(c.significant());
            assertThat(d.absoluteDifference().interval().excludes(0)).isEqualTo(c.significant());
            assertThat(d.intervalLevel()).isGreaterThanOrEqualTo(0.95);
        }
        Comparison b = ExperimentAnalysis.analyze(input).comparisons().getFirst();
        assertThat(b.frequentist().pValue()).isLessThan(0.05);
        assertThat(b.decision().verdict()).isEqualTo(Decision.Verdict.INCONCLUSIVE);
        assertThat(b.summary()).contains("(Holm-adjusted 95% CI ").contains("(Holm-adjusted p = 0.071)");
    }

    @Test
    void truncatesRelativeSequencesAtMinusOneHundredPercent() {
        AnalysisInput input = AnalysisInput.of(0.95, List.of(variant("A", 40, 4), variant("B", 40, 1)))
                .withSequential(SequentialSettings.on());
        Comparison c = compare(input);
        assertThat(c.sequential().relativeLift().interval().lower()).isLessThan(-1);
        assertThat(c.decision().relativeLift().interval().lower()).isEqualTo(-1);
    }

    @Test
    void quotesTheDifferenceWhenTheControlNeverConverts() {
        Comparison c = compare(1000, 0, 1000, 30);
        assertThat(c.significant()).isTrue();
        assertThat(c.summary())
                .startsWith("Variant B's conversion rate differs from control's by +3.0 percentage points (95% CI +")
                .contains("the relative change cannot be computed");
    }

    static List<List<Row>> families() {
        Map<String, List<Row>> byFamily = new LinkedHashMap<>();
        for (Row row : ReferenceCases.load("decision_family.csv")) {
            byFamily.computeIfAbsent(row.text("family"), f -> new ArrayList<>()).add(row);
        }
        return List.copyOf(byFamily.values());
    }

    /** Whole families against statsmodels' p-values, multipletests and score intervals at the implied level. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void matchesTheReferenceFamilies(List<Row> family) {
        Map<String, List<Row>> byMetric = new LinkedHashMap<>();
        family.forEach(row -> byMetric.computeIfAbsent(row.text("metric"), m -> new ArrayList<>())
                .add(row));
        Row first = family.getFirst();
        CorrectionMethod correction = switch (first.text("correction")) {
            case "holm" -> CorrectionMethod.HOLM;
            case "fdr_bh" -> CorrectionMethod.BENJAMINI_HOCHBERG;
            default -> CorrectionMethod.NONE;
        };
        List<AnalysisInput> inputs = byMetric.values().stream()
                .map(rows -> AnalysisInput.of(
                                first.real("confidence"),
                                rows.stream().map(DecisionTests::input).toList())
                        .withCorrection(correction))
                .toList();
        List<AnalysisResult> results = ExperimentAnalysis.analyzeFamily(inputs);
        int m = 0;
        for (List<Row> rows : byMetric.values()) {
            AnalysisResult result = results.get(m++);
            for (Row row : rows.subList(1, rows.size())) {
                String key = "v" + row.count("variant");
                for (Comparison c : result.comparisons()) {
                    if (c.treatmentKey().equals(key)) {
                        check(c.decision(), row, c.metric() == Metric.CONVERSION ? "conv_" : "val_");
                    }
                }
            }
        }
    }

    private static void check(Decision decision, Row row, String prefix) {
        assertClose(decision.pValue(), row.number(prefix + "p"), prefix + "p");
        assertClose(decision.pValueAdjusted(), row.number(prefix + "padj"), prefix + "adjusted p");
        assertClose(decision.intervalLevel(), row.number(prefix + "level"), prefix + "level");
        assertClose(lower(decision.relativeLift()), row.number(prefix + "rel_lower"), prefix + "relative lower");
        assertClose(upper(decision.relativeLift()), row.number(prefix + "rel_upper"), prefix + "relative upper");
        assertClose(lower(decision.absoluteDifference()), row.number(prefix + "abs_lower"), prefix + "absolute lower");
        assertClose(upper(decision.absoluteDifference()), row.number(prefix + "abs_upper"), prefix + "absolute upper");
    }

    /** Mean and sample variance back to the sums the engine takes: S = n m, Q = (n - 1) s² + n m². */
    private static VariantInput input(Row row) {
        long n = row.count("n");
        VariantInput conversion = VariantInput.conversion("v" + row.count("variant"), "v", 1, n, row.count("x"));
        Double mean = row.number("mean");
        if (mean == null) {
            return conversion;
        }
        double variance = row.real("var");
        return conversion.withValue(n * mean, (n - 1) * variance + n * mean * mean);
    }
}
