package io.supportlab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 2,000 seeded A/A experiments (both variants convert at 10%) through the engine, looked at after each
 * of 20 batches of 500 users per variant.
 */
class AaSimulationTests {

    private static final int EXPERIMENTS = 2000;
    private static final int LOOKS = 20;
    private static final int BATCH = 500;
    private static final double RATE = 0.10;

    private static int fixedHorizonFalsePositives;
    private static int sequentialFalsePositives;
    private static int peekingFalsePositives;

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
                Double fixedP = sequential.frequentist().pValue();
                peekRejected |= fixedP != null && fixedP < 0.05;
                if (look == LOOKS
                        && ExperimentAnalysis.analyze(AnalysisInput.of(0.95, variants))
                                .comparisons()
                                .getFirst()
                                .significant()) {
                    fixedHorizonFalsePositives++;
                }
            }
            sequentialFalsePositives += sequentialRejected ? 1 : 0;
            peekingFalsePositives += peekRejected ? 1 : 0;
        }
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
    void peekingAtTheFixedHorizonTestInflatesFalsePositives() {
        assertThat((double) peekingFalsePositives / EXPERIMENTS).isGreaterThan(0.10);
    }
}
