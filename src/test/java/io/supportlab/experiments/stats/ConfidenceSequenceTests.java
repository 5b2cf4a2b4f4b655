package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ProportionsTests.lower;
import static io.supportlab.experiments.stats.ProportionsTests.upper;
import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfidenceSequenceTests {

    static List<Row> cases() {
        return ReferenceCases.load("sequential.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPublishedFormulaAsGrowthBookEvaluatesIt(Row row) {
        SequentialResult result = ConfidenceSequence.compare(
                NormalLiftTests.control(row),
                NormalLiftTests.treatment(row),
                row.real("confidence"),
                row.real("tuning"));
        assertClose(lower(result.relativeLift()), row.number("lower"), "lower");
        assertClose(upper(result.relativeLift()), row.number("upper"), "upper");
        assertClose(result.pValue(), row.number("p"), "always-valid p");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsExactlyWhenTheSequenceExcludesZero(Row row) {
        SequentialResult result = ConfidenceSequence.compare(
                NormalLiftTests.control(row),
                NormalLiftTests.treatment(row),
                row.real("confidence"),
                row.real("tuning"));
        Interval interval = result.relativeLift().interval();
        if (interval != null && result.pValue() != null) {
            assertThat(result.pValue() < 1 - row.real("confidence")).isEqualTo(interval.excludes(0));
        }
    }

    @Test
    void isWiderThanTheFixedHorizonInterval() {
        Moments control = Moments.ofProportion(1000, 10_000);
        Moments treatment = Moments.ofProportion(1100, 10_000);
        Interval sequential = ConfidenceSequence.compare(control, treatment, 0.95, 5000)
                .relativeLift()
                .interval();
        Interval fixed =
                Differences.relative(control, treatment, Quantiles.z(0.95)).interval();
        assertThat(sequential.upper() - sequential.lower()).isGreaterThan(fixed.upper() - fixed.lower());
    }

    @Test
    void reportsZeroRatherThanOverflowForOverwhelmingEvidence() {
        double p = ConfidenceSequence.pValue(0.5, 0.001, 2_000_000, 0.05, 5000);
        assertThat(p).isZero();
    }
}
