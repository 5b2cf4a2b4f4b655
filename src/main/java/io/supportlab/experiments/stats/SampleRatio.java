package io.supportlab.experiments.stats;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/** Sample-ratio-mismatch check (R {@code chisq.test(x = counts, p = weights / sum(weights))}). */
final class SampleRatio {

    private SampleRatio() {}

    static SampleRatioCheck check(long[] participants, double[] weights) {
        boolean brokenAssignment =
                IntStream.range(0, weights.length).anyMatch(i -> weights[i] == 0 && participants[i] > 0);
        if (brokenAssignment) {
            // Expected count 0 makes the chi-square undefined, yet this is the clearest mismatch there is.
            return new SampleRatioCheck(
                    SampleRatioCheck.Status.MISMATCH,
                    null,
                    0,
                    null,
                    List.of("a variant with weight 0 has participants: assignment is broken"));
        }
        int[] tested =
                IntStream.range(0, weights.length).filter(i -> weights[i] > 0).toArray();
        int df = tested.length - 1;
        if (df < 1) {
            return notEnough(0, "fewer than two variants have a positive weight: nothing to compare with");
        }
        double totalWeight = IntStream.of(tested).mapToDouble(i -> weights[i]).sum();
        long total = IntStream.of(tested).mapToLong(i -> participants[i]).sum();
        double smallestExpected = IntStream.of(tested)
                .mapToDouble(i -> total * (weights[i] / totalWeight))
                .min()
                .orElse(0);
        if (smallestExpected < SampleRatioCheck.MINIMUM_EXPECTED_PER_VARIANT) {
            return notEnough(
                    df,
                    "not enough data: fewer than " + SampleRatioCheck.MINIMUM_EXPECTED_PER_VARIANT
                            + " participants expected in a variant");
        }
        double[] expected = IntStream.of(tested).mapToDouble(i -> weights[i]).toArray();
        long[] observed = IntStream.of(tested).mapToLong(i -> participants[i]).toArray();
        // Commons Statistics scales the expected counts to the observed total itself.
        SignificanceResult test = ChiSquareTest.withDefaults().test(expected, observed);
        return verdict(test.getStatistic(), df, test.getPValue());
    }

    private static SampleRatioCheck verdict(double statistic, int df, double p) {
        if (p >= SampleRatioCheck.THRESHOLD) {
            return new SampleRatioCheck(SampleRatioCheck.Status.OK, statistic, df, p, List.of());
        }
        return new SampleRatioCheck(
                SampleRatioCheck.Status.MISMATCH,
                statistic,
                df,
                p,
                List.of("sample ratio mismatch (p < 0.001): the split differs from the configured weights;"
                        + " check assignment and tracking before trusting results"));
    }

    private static SampleRatioCheck notEnough(int df, String note) {
        return new SampleRatioCheck(SampleRatioCheck.Status.NOT_ENOUGH_DATA, null, df, null, List.of(note));
    }
}
