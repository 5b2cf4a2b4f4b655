package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ReferenceCases.assertEstimate;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreIntervalsTests {

    static List<Row> ratio() {
        return ReferenceCases.load("score_ratio.csv");
    }

    static List<Row> difference() {
        return ReferenceCases.load("score_difference.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ratio")
    void matchesStatsmodelsScoreIntervalOfTheRatio(Row row) {
        assertEstimate(
                ScoreIntervals.relativeLift(
                        row.count("x1"), row.count("n1"), row.count("x2"), row.count("n2"), row.real("confidence")),
                row,
                "lift");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("difference")
    void matchesMeesScoreIntervalOfTheDifference(Row row) {
        assertEstimate(
                ScoreIntervals.difference(
                        row.count("x1"), row.count("n1"), row.count("x2"), row.count("n2"), row.real("confidence")),
                row,
                "diff");
    }

    /** Issue 15, item 16: the interval and the pooled z-test can no longer disagree. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ratio")
    void bothIntervalsExcludeNoDifferenceExactlyWhenThePooledZTestRejects(Row row) {
        long xc = row.count("x1");
        long nc = row.count("n1");
        long xt = row.count("x2");
        long nt = row.count("n2");
        double confidence = row.real("confidence");
        Double p = Proportions.pooledZTest(xc, nc, xt, nt).pValue();
        Interval relative =
                ScoreIntervals.relativeLift(xc, nc, xt, nt, confidence).interval();
        Interval absolute =
                ScoreIntervals.difference(xc, nc, xt, nt, confidence).interval();
        if (p != null && relative != null) {
            assertThat(relative.excludes(0)).isEqualTo(p < 1 - confidence);
        }
        if (p != null && absolute != null) {
            assertThat(absolute.excludes(0)).isEqualTo(p < 1 - confidence);
        }
    }

    @Test
    void scoreStatisticsAtNoDifferenceAreThePooledZ() {
        double z = Proportions.pooledZTest(200, 1000, 224, 1000).statistic();
        assertThat(ScoreIntervals.ratioStatistic(200, 1000, 224, 1000, 1))
                .isCloseTo(z, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ScoreIntervals.differenceStatistic(200, 1000, 224, 1000, 0))
                .isCloseTo(z, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void findsTheMaximumLikelihoodRatesUnderADifference() {
        // scipy.optimize.minimize_scalar of the negative log-likelihood: 0.19715519414867552
        assertThat(ScoreIntervals.constrainedControlRate(200, 1000, 224, 1000, 0.03))
                .isCloseTo(0.19715519414867552, org.assertj.core.api.Assertions.within(1e-8));
    }
}
