package io.supportlab.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** Sample-ratio-mismatch check (R {@code chisq.test(x = counts, p = weights / sum(weights))}). */
final class SampleRatio {

    private SampleRatio() {}

    static SampleRatioCheck check(long[] participants, double[] weights) {
        double totalWeight = 0;
        long total = 0;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < participants.length; i++) {
            totalWeight += weights[i];
            total += participants[i];
            if (weights[i] == 0 && participants[i] > 0) {
                notes.add("a variant with weight 0 has participants: assignment is broken");
            }
        }
        if (!notes.isEmpty()) {
            return new SampleRatioCheck(SampleRatioCheck.Status.MISMATCH, null, 0, null, notes.subList(0, 1));
        }
        if (totalWeight == 0) {
            return notEnough(0, "no variant has a positive weight: nothing to compare with");
        }
        double statistic = 0;
        int positive = 0;
        double smallestExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < participants.length; i++) {
            if (weights[i] > 0) {
                double expected = total * (weights[i] / totalWeight);
                double deviation = participants[i] - expected;
                statistic += expected == 0 ? 0 : deviation * deviation / expected;
                smallestExpected = Math.min(smallestExpected, expected);
                positive++;
            }
        }
        int df = positive - 1;
        if (df == 0) {
            return notEnough(0, "only one variant has a positive weight: nothing to compare with");
        }
        if (smallestExpected < SampleRatioCheck.MINIMUM_EXPECTED_PER_VARIANT) {
            return notEnough(
                    df,
                    "not enough data: fewer than " + SampleRatioCheck.MINIMUM_EXPECTED_PER_VARIANT
                            + " participants expected in a variant");
        }
        double p = ChiSquaredDistribution.of(df).survivalProbability(statistic);
        return p < SampleRatioCheck.THRESHOLD
                ? new SampleRatioCheck(
                        SampleRatioCheck.Status.MISMATCH,
                        statistic,
                        df,
                        p,
                        List.of("sample ratio mismatch (p < 0.001): the split differs from the configured weights;"
                                + " check assignment and tracking before trusting results"))
                : new SampleRatioCheck(SampleRatioCheck.Status.OK, statistic, df, p, List.of());
    }

    private static SampleRatioCheck notEnough(int df, String note) {
        return new SampleRatioCheck(SampleRatioCheck.Status.NOT_ENOUGH_DATA, null, df, null, List.of(note));
    }
}
