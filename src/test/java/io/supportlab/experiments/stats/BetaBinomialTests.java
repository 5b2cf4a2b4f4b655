package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BetaBinomialTests {

    static List<Row> comparisons() {
        return ReferenceCases.load("bayes_conversion.csv");
    }

    static List<Row> credible() {
        return ReferenceCases.load("credible_interval.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void chanceToBeatControlMatchesNumericalIntegration(Row row) {
        BayesianResult result = compare(row);
        assertClose(result.chanceToBeatControl(), row.number("chance"), "chance to beat control");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void expectedLossMatchesNumericalIntegration(Row row) {
        BayesianResult result = compare(row);
        assertClose(result.expectedLossChoosingTreatment(), row.number("loss_treatment"), "loss choosing treatment");
        assertClose(result.expectedLossChoosingControl(), row.number("loss_control"), "loss choosing control");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credible")
    void credibleIntervalMatchesScipyBetaQuantiles(Row row) {
        Interval interval = BetaBinomial.credibleInterval(row.count("x"), row.count("n"), row.real("confidence"));
        assertClose(interval.lower(), row.number("lower"), "lower");
        assertClose(interval.upper(), row.number("upper"), "upper");
    }

    @Test
    void isSymmetricBetweenTheTwoVariants() {
        double forward = BetaBinomial.probabilityGreater(31, 70, 45, 58);
        double backward = BetaBinomial.probabilityGreater(45, 58, 31, 70);
        assertThat(forward + backward).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void handlesAMillionParticipantsPerVariantQuickly() {
        long start = System.nanoTime();
        BayesianResult result = BetaBinomial.compare(500_000, 1_000_000, 500_900, 1_000_000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.chanceToBeatControl()).isBetween(0.0, 1.0);
    }

    private static BayesianResult compare(Row row) {
        return BetaBinomial.compare(row.count("x1"), row.count("n1"), row.count("x2"), row.count("n2"));
    }
}
