package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PowerTests {

    static List<Row> cases() {
        return ReferenceCases.load("power.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sampleSizeMatchesRPowerPropTest(Row row) {
        double n = Power.exactSampleSizePerVariant(
                row.real("baseline"), row.real("mde"), row.real("confidence"), row.real("power"));
        assertClose(n, row.real("n"), "n per variant");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void achievedPowerMatchesRPowerPropTest(Row row) {
        double power = Power.achievedPower(
                row.real("baseline"), row.real("mde"), row.real("confidence"), row.count("at_n"), row.count("at_n"));
        assertClose(power, row.real("achieved_power"), "power");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reachesTheTargetPowerAtTheRoundedUpSampleSize(Row row) {
        long n = Power.sampleSizePerVariant(
                row.real("baseline"), row.real("mde"), row.real("confidence"), row.real("power"));
        double reached = Power.achievedPower(row.real("baseline"), row.real("mde"), row.real("confidence"), n, n);
        assertThat(reached).isGreaterThanOrEqualTo(row.real("power") - 1e-9);
    }

    @Test
    void expectedDurationRoundsUpToWholeDays() {
        assertThat(Power.expectedDurationDays(14_751, 2, 1000)).isEqualTo(30);
    }

    @Test
    void rejectsAnEffectThatPushesTheRatePastOneHundredPercent() {
        assertThatThrownBy(() -> Power.sampleSizePerVariant(0.6, 1.0, 0.95, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
