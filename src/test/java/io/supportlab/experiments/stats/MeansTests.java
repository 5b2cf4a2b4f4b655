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

class MeansTests {

    static List<Row> means() {
        return ReferenceCases.load("mean_t_interval.csv");
    }

    static List<Row> welch() {
        return ReferenceCases.load("welch.csv");
    }

    static List<Row> fieller() {
        return ReferenceCases.load("fieller.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieller")
    void matchesFiellersIntervalOnWelchDegreesOfFreedom(Row row) {
        Estimate lift =
                Means.fiellerLift(NormalLiftTests.control(row), NormalLiftTests.treatment(row), row.real("confidence"));
        assertClose(lift.value(), row.number("lift"), "lift");
        assertClose(lower(lift), row.number("lower"), "lower");
        assertClose(upper(lift), row.number("upper"), "upper");
    }

    /** Fieller's interval inverts Welch's test: a lift of 0 is outside exactly when Welch rejects. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("welch")
    void fiellerIntervalExcludesZeroExactlyWhenWelchRejects(Row row) {
        double confidence = row.real("confidence");
        Interval interval =
                Means.fiellerLift(control(row), treatment(row), confidence).interval();
        Double p = Means.welch(control(row), treatment(row)).pValue();
        if (interval != null && p != null) {
            assertThat(interval.excludes(0)).isEqualTo(p < 1 - confidence);
        }
    }

    @Test
    void saysWhenTheRatioCannotBeBounded() {
        Estimate lift = Means.fiellerLift(new Moments(20, 0.5, 30), new Moments(20, 0.9, 40), 0.95);
        assertThat(lift.interval()).isNull();
        assertThat(lift.notes()).containsExactly(Means.UNBOUNDED_RATIO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("means")
    void matchesROneSampleTInterval(Row row) {
        Moments moments = Moments.ofSums(row.count("n"), row.real("sum"), row.real("sumsq"));
        Estimate mean = Means.mean(moments, row.real("confidence"));
        assertClose(mean.value(), row.number("mean"), "mean");
        assertClose(lower(mean), row.number("lower"), "lower");
        assertClose(upper(mean), row.number("upper"), "upper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("welch")
    void matchesRWelchTTest(Row row) {
        HypothesisTest test = Means.welch(control(row), treatment(row));
        assertClose(test.statistic(), row.number("t"), "t");
        assertClose(test.degreesOfFreedom(), row.number("df"), "df");
        assertClose(test.pValue(), row.number("p"), "p");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("welch")
    void matchesRWelchDifferenceInterval(Row row) {
        Estimate difference = Means.absoluteDifference(control(row), treatment(row), row.real("confidence"));
        assertClose(difference.value(), row.number("diff"), "difference");
        assertClose(lower(difference), row.number("diff_lower"), "lower");
        assertClose(upper(difference), row.number("diff_upper"), "upper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("welch")
    void matchesDeltaMethodLiftOnWelchDegreesOfFreedom(Row row) {
        Estimate lift = Means.relativeLift(control(row), treatment(row), row.real("confidence"));
        assertClose(lift.value(), row.number("lift"), "lift");
        assertClose(lower(lift), row.number("lift_lower"), "lower");
        assertClose(upper(lift), row.number("lift_upper"), "upper");
    }

    @Test
    void explainsWhyWelchIsUndefinedWhenEveryValueIsEqual() {
        Moments constant = Moments.ofSums(10, 70, 490);
        HypothesisTest test = Means.welch(constant, constant);
        assertThat(test.pValue()).isNull();
        assertThat(test.notes()).singleElement().asString().contains("no variance");
    }

    @Test
    void clampsVarianceThatRoundingMadeSlightlyNegative() {
        Moments moments = Moments.ofSums(3, 0.3, 0.030000000000000002 - 1e-17);
        assertThat(moments.variance()).isGreaterThanOrEqualTo(0);
    }

    private static Moments control(Row row) {
        return Moments.ofSums(row.count("n1"), row.real("sum1"), row.real("sumsq1"));
    }

    private static Moments treatment(Row row) {
        return Moments.ofSums(row.count("n2"), row.real("sum2"), row.real("sumsq2"));
    }
}
