package io.supportlab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 2,000 seeded A/A experiments (both variants convert at 10%) through the engine, looked at after each
 * of 20 batches of 500 users per variant; and 2,000 seeded A/A experiments with three treatments and a
 * value metric, whose six comparisons form one corrected family.
 */
@Tag("slow")
class AaSimulationTests {

    private static final int EXPERIMENTS = 2000;
    private static final int LOOKS = 20;
    private static final int BATCH = 500;
    private static final double RATE = 0.10;

    private static int fixedHorizonFalsePositives;
    private static int sequentialFalsePositives;
    private static int peekingFalsePositives;
    private static int contradictions;

    private static final int FAMILY_USERS = 2000;
    private static int familyWiseFalsePositives;
    private static int uncorrectedFamilyFalsePositives;
    private static int valueFalsePositives;

    @BeforeAll
    static void simulate() {
        SplittableRandom random = new SplittableRandom(20240601L);
        for (int experiment = 0; experiment < EXPERIMENTS; experiment++) {
            long controlConverters = 0;
            long treatmentConverters = 0;
            boolean sequentialRejected = false;
            boolean peekRejected = false;
            for (int look = 1; look <= LOOKS; look++) {
                controlConverters += binomial(random, BATCH, RATE);
                treatmentConverters += binomial(random, BATCH, RATE);
                long n = (long) look * BATCH;
                List<VariantInput> variants = List.of(
                        VariantInput.conversion("A", "Control", 1, n, controlConverters),
                        VariantInput.conversion("B", "Variant B", 1, n, treatmentConverters));
                Comparison sequential = ExperimentAnalysis.analyze(
                                AnalysisInput.of(0.95, variants).withSequential(SequentialSettings.on()))
                        .comparisons()
                        .getFirst();
                sequentialRejected |= sequential.significant();
                contradictions += contradicts(sequential) ? 1 : 0;
                Double fixedP = sequential.frequentist().pValue();
                peekRejected |= fixedP != null && fixedP < 0.05;
                if (look == LOOKS) {
                    Comparison fixed = ExperimentAnalysis.analyze(AnalysisInput.of(0.95, variants))
                            .comparisons()
                            .getFirst();
                    fixedHorizonFalsePositives += fixed.significant() ? 1 : 0;
                    contradictions += contradicts(fixed) ? 1 : 0;
                }
            }
            sequentialFalsePositives += sequentialRejected ? 1 : 0;
            peekingFalsePositives += peekRejected ? 1 : 0;
        }
    }

    /** Three treatments and a value metric (converters' values exponential, mean 20), Holm across all six comparisons. */
    @BeforeAll
    static void simulateFamilies() {
        SplittableRandom random = new SplittableRandom(20251015L);
        for (int experiment = 0; experiment < EXPERIMENTS; experiment++) {
            List<VariantInput> variants = new ArrayList<>();
            for (String key : List.of("A", "B", "C", "D")) {
                long converters = 0;
                double sum = 0;
                double squares = 0;
                for (int user = 0; user < FAMILY_USERS; user++) {
                    if (random.nextDouble() < RATE) {
                        double value = -20 * Math.log(1 - random.nextDouble());
                        converters++;
                        sum += value;
                        squares += value * value;
                    }
                }
                variants.add(VariantInput.conversion(key, key, 1, FAMILY_USERS, converters)
                        .withValue(sum, squares));
            }
            List<Comparison> comparisons =
                    ExperimentAnalysis.analyze(AnalysisInput.of(0.95, variants)).comparisons();
            familyWiseFalsePositives += comparisons.stream().anyMatch(Comparison::significant) ? 1 : 0;
            uncorrectedFamilyFalsePositives += comparisons.stream()
                            .anyMatch(c -> c.frequentist().pValue() != null
                                    && c.frequentist().pValue() < 0.05)
                    ? 1
                    : 0;
            Double valueP = comparisons.get(1).frequentist().pValue();
            valueFalsePositives += valueP != null && valueP < 0.05 ? 1 : 0;
            contradictions += (int)
                    comparisons.stream().filter(AaSimulationTests::contradicts).count();
        }
    }

    /** Whether the interval shown with a comparison disagrees with its verdict. */
    private static boolean contradicts(Comparison comparison) {
        Decision decision = comparison.decision();
        Interval relative = decision.relativeLift().interval();
        Interval absolute = decision.absoluteDifference().interval();
        return (relative != null && relative.excludes(0) != comparison.significant())
                || (absolute != null && absolute.excludes(0) != comparison.significant());
    }

    /** Sum of Bernoulli draws: exact binomial, and fast enough for 500 draws per batch. */
    private static long binomial(SplittableRandom random, int trials, double probability) {
        long successes = 0;
        for (int i = 0; i < trials; i++) {
            successes += random.nextDouble() < probability ? 1 : 0;
        }
        return successes;
    }

    @AfterAll
    static void report() {
        System.out.printf(
                "A/A: fixed horizon %d, sequential %d, fixed horizon with peeking %d of %d%n",
                fixedHorizonFalsePositives, sequentialFalsePositives, peekingFalsePositives, EXPERIMENTS);
        System.out.printf(
                "A/A families: Holm %d, uncorrected %d, one value comparison %d of %d%n",
                familyWiseFalsePositives, uncorrectedFamilyFalsePositives, valueFalsePositives, EXPERIMENTS);
    }

    @Test
    void fixedHorizonTestRejectsAboutFivePercentOfAaExperiments() {
        assertThat((double) fixedHorizonFalsePositives / EXPERIMENTS).isBetween(0.035, 0.065);
    }

    @Test
    void sequentialTestStaysAtOrBelowFivePercentDespiteTwentyLooks() {
        assertThat((double) sequentialFalsePositives / EXPERIMENTS).isLessThanOrEqualTo(0.05);
    }

    @Test
    void welchsTestOfAValueMetricRejectsAboutFivePercent() {
        assertThat((double) valueFalsePositives / EXPERIMENTS).isBetween(0.035, 0.065);
    }

    @Test
    void holmKeepsTheFamilyWiseErrorOfSixComparisonsAtOrBelowFivePercent() {
        assertThat((double) familyWiseFalsePositives / EXPERIMENTS).isLessThanOrEqualTo(0.05);
    }

    @Test
    void sixUncorrectedComparisonsRejectFarMoreOften() {
        assertThat((double) uncorrectedFamilyFalsePositives / EXPERIMENTS).isGreaterThan(0.15);
    }

    @Test
    void noIntervalShownEverContradictsItsVerdict() {
        assertThat(contradictions).isZero();
    }

    @Test
    void peekingAtTheFixedHorizonTestInflatesFalsePositives() {
        assertThat((double) peekingFalsePositives / EXPERIMENTS).isGreaterThan(0.10);
    }
}
