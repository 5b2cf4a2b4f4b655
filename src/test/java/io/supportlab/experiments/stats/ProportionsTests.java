package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProportionsTests {

    static List<Row> wilson() {
        return ReferenceCases.load("wilson.csv");
    }

    static List<Row> ztest() {
        return ReferenceCases.load("ztest.csv");
    }

    static List<Row> wald() {
        return ReferenceCases.load("wald_difference.csv");
    }

    static List<Row> relative() {
        return ReferenceCases.load("relative_lift.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wilson")
    void matchesStatsmodelsWilsonInterval(Row row) {
        Estimate estimate = Proportions.wilson(row.count("x"), row.count("n"), row.real("confidence"));
        assertClose(estimate.value(), row.number("rate"), "rate");
        assertClose(lower(estimate), row.number("lower"), "lower");
        assertClose(upper(estimate), row.number("upper"), "upper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ztest")
    void matchesStatsmodelsPooledZTest(Row row) {
        HypothesisTest test =
                Proportions.pooledZTest(row.count("x1"), row.count("n1"), row.count("x2"), row.count("n2"));
        assertClose(test.statistic(), row.number("z"), "z");
        assertClose(test.pValue(), row.number("p"), "p");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wald")
    void matchesStatsmodelsWaldDifferenceInterval(Row row) {
        Estimate estimate = Proportions.absoluteDifference(
                row.count("x1"), row.count("n1"), row.count("x2"), row.count("n2"), row.real("confidence"));
        assertClose(estimate.value(), row.number("diff"), "difference");
        assertClose(lower(estimate), row.number("lower"), "lower");
        assertClose(upper(estimate), row.number("upper"), "upper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relative")
    void matchesDeltaMethodRelativeLift(Row row) {
        Estimate estimate = Proportions.relativeLift(
                row.count("x1"), row.count("n1"), row.count("x2"), row.count("n2"), row.real("confidence"));
        assertClose(estimate.value(), row.number("lift"), "lift");
        assertClose(lower(estimate), row.number("lower"), "lower");
        assertClose(upper(estimate), row.number("upper"), "upper");
    }

    @Test
    void matchesRPropTestWithoutCorrection() {
        // prop.test(c(224, 200), c(1000, 1000), correct = FALSE): X-squared = 1.72397..., p-value = 0.18918...
        HypothesisTest test = Proportions.pooledZTest(200, 1000, 224, 1000);
        assertClose(test.statistic() * test.statistic(), 1.7239727995402738, "X-squared");
        assertClose(test.pValue(), 0.18918246062168029, "p");
    }

    @Test
    void explainsWhyTheZTestIsUndefinedWithoutVariance() {
        HypothesisTest test = Proportions.pooledZTest(0, 500, 0, 500);
        assertThat(test.pValue()).isNull();
        assertThat(test.notes()).singleElement().asString().contains("no variance");
    }

    @Test
    void explainsWhyRelativeLiftIsUndefinedWhenControlNeverConverts() {
        Estimate lift = Proportions.relativeLift(0, 100, 5, 100, 0.95);
        assertThat(lift.value()).isNull();
        assertThat(lift.notes()).containsExactly(Differences.ZERO_CONTROL);
    }

    static @Nullable Double lower(Estimate estimate) {
        return estimate.interval() == null ? null : estimate.interval().lower();
    }

    static @Nullable Double upper(Estimate estimate) {
        return estimate.interval() == null ? null : estimate.interval().upper();
    }
}
