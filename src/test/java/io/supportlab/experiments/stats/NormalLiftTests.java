package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NormalLiftTests {

    static List<Row> cases() {
        return ReferenceCases.load("bayes_value.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipyNormalPosteriorOfTheLift(Row row) {
        BayesianResult result = NormalLift.compare(control(row), treatment(row), row.real("confidence"));
        assertClose(result.chanceToBeatControl(), row.number("chance"), "chance to beat control");
        assertClose(result.expectedLossChoosingTreatment(), row.number("loss_treatment"), "loss choosing treatment");
        assertClose(result.expectedLossChoosingControl(), row.number("loss_control"), "loss choosing control");
        Interval interval = result.liftCredibleInterval();
        assertClose(interval == null ? null : interval.lower(), row.number("lower"), "lower");
        assertClose(interval == null ? null : interval.upper(), row.number("upper"), "upper");
    }

    @Test
    void explainsWhyNothingIsDefinedWhenControlMeanIsZero() {
        BayesianResult result = NormalLift.compare(new Moments(100, 0, 0), new Moments(100, 2, 4), 0.95);
        assertThat(result.chanceToBeatControl()).isNull();
        assertThat(result.notes()).containsExactly(Differences.ZERO_CONTROL);
    }

    static Moments control(Row row) {
        return new Moments(row.count("n1"), row.real("mean1"), row.real("var1"));
    }

    static Moments treatment(Row row) {
        return new Moments(row.count("n2"), row.real("mean2"), row.real("var2"));
    }
}
