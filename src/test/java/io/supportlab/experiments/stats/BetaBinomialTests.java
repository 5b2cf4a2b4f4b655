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
        long[] p = posterior(row);
        assertClose(BetaBinomial.probabilityGreater(p[0], p[1], p[2], p[3]), row.number("chance"), "chance to beat");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void expectedLossMatchesNumericalIntegration(Row row) {
        long[] p = posterior(row);
        assertClose(
                BetaBinomial.expectedShortfall(p[2], p[3], p[0], p[1]),
                row.number("loss_treatment"),
                "loss" + " choosing treatment");
        assertClose(
                BetaBinomial.expectedShortfall(p[0], p[1], p[2], p[3]),
                row.number("loss_control"),
                "loss" + " choosing control");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void comparesWhenBothOutcomesHaveBeenSeen(Row row) {
        long x = row.count("x1") + row.count("x2");
        long n = row.count("n1") + row.count("n2");
        BayesianResult result = compare(row);
        if (row.count("n1") > 0 && row.count("n2") > 0 && x > 0 && x < n) {
            assertClose(result.chanceToBeatControl(), row.number("chance"), "chance to beat control");
            assertClose(result.expectedLossChoosingTreatment(), row.number("loss_treatment"), "loss");
        } else {
            assertThat(result.chanceToBeatControl()).isNull();
            assertThat(result.expectedLossChoosingTreatment()).isNull();
            assertThat(result.expectedLossChoosingControl()).isNull();
            assertThat(result.notes()).singleElement().asString().startsWith("not enough data");
        }
    }

    /** Issue 15, item 19: no "chance to beat control 33.3%, expected loss 0.25" from the prior alone. */
    @Test
    void reportsNotEnoughDataInsteadOfThePrior() {
        assertThat(BetaBinomial.compare(0, 0, 0, 1).notes()).containsExactly(BetaBinomial.NO_PARTICIPANTS);
        assertThat(BetaBinomial.compare(0, 1, 0, 0).chanceToBeatControl()).isNull();
        assertThat(BetaBinomial.compare(0, 500, 0, 480).notes()).containsExactly(BetaBinomial.NO_CONVERSIONS);
        assertThat(BetaBinomial.compare(20, 20, 30, 30).notes()).containsExactly(BetaBinomial.ALL_CONVERTED);
        assertThat(BetaBinomial.compare(0, 500, 1, 480).chanceToBeatControl()).isNotNull();
    }

    private static long[] posterior(Row row) {
        long x1 = row.count("x1");
        long x2 = row.count("x2");
        return new long[] {1 + x1, 1 + row.count("n1") - x1, 1 + x2, 1 + row.count("n2") - x2};
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
