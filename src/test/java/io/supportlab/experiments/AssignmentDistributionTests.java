package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of the hash assignment itself, over many users; no database. */
class AssignmentDistributionTests {

    static final int USERS = 100_000;

    /** Counts per variant index; the last slot counts users outside the experiment. */
    static int[] split(String key, List<Double> weights, double coverage, Namespace namespace) {
        int[] counts = new int[weights.size() + 1];
        for (int i = 0; i < USERS; i++) {
            Assignment.Decision decision = Assignment.decide(key, weights, coverage, namespace, "user-" + i);
            counts[decision.inExperiment() ? decision.variationIndex() : weights.size()]++;
        }
        return counts;
    }

    /** Within 4.5 standard deviations of the binomial expectation: fails by chance about once in 150,000 runs. */
    static void assertNear(int observed, double share) {
        double expected = USERS * share;
        double sd = Math.sqrt(USERS * share * (1 - share));
        assertThat((double) observed).isBetween(expected - 4.5 * sd, expected + 4.5 * sd);
    }

    @Test
    void splitsUsersByTheWeights() {
        int[] counts = split("weights", List.of(0.2, 0.3, 0.5), 1.0, null);
        assertNear(counts[0], 0.2);
        assertNear(counts[1], 0.3);
        assertNear(counts[2], 0.5);
        assertThat(counts[3]).isZero();
    }

    @Test
    void coverageLetsOnlyThatShareIn() {
        int[] counts = split("coverage", List.of(0.5, 0.5), 0.3, null);
        assertNear(counts[0], 0.15);
        assertNear(counts[1], 0.15);
        assertNear(counts[2], 0.7);
    }

    @Test
    void namespaceRangesAreMutuallyExclusive() {
        Namespace left = new Namespace("pricing", 0.0, 0.4);
        Namespace right = new Namespace("pricing", 0.4, 1.0);
        int both = 0;
        int neither = 0;
        for (int i = 0; i < USERS; i++) {
            String user = "user-" + i;
            boolean inLeft = Assignment.decide("exp-left", List.of(0.5, 0.5), 1.0, left, user)
                    .inExperiment();
            boolean inRight = Assignment.decide("exp-right", List.of(0.5, 0.5), 1.0, right, user)
                    .inExperiment();
            both += inLeft && inRight ? 1 : 0;
            neither += !inLeft && !inRight ? 1 : 0;
        }
        assertThat(both).isZero();
        assertThat(neither).isZero();
    }

    @Test
    void theSameUserAlwaysGetsTheSameVariant() {
        for (int i = 0; i < 1_000; i++) {
            String user = "repeat-" + i;
            var first = Assignment.decide("sticky", List.of(0.5, 0.5), 1.0, null, user);
            var again = Assignment.decide("sticky", List.of(0.5, 0.5), 1.0, null, user);
            assertThat(again).isEqualTo(first);
        }
    }

    @Test
    void differentExperimentsSplitIndependently() {
        int agree = 0;
        for (int i = 0; i < USERS; i++) {
            String user = "user-" + i;
            int a = Assignment.decide("first", List.of(0.5, 0.5), 1.0, null, user)
                    .variationIndex();
            int b = Assignment.decide("second", List.of(0.5, 0.5), 1.0, null, user)
                    .variationIndex();
            agree += a == b ? 1 : 0;
        }
        assertNear(agree, 0.5);
    }
}
