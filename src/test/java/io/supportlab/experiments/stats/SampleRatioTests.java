package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SampleRatioTests {

    static List<Row> cases() {
        return ReferenceCases.load("srm.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesRChisqTestGoodnessOfFit(Row row) {
        long[] counts =
                Arrays.stream(row.reals("counts")).mapToLong(Math::round).toArray();
        SampleRatioCheck check = SampleRatio.check(counts, row.reals("weights"));
        assertThat(check.status()).isEqualTo(SampleRatioCheck.Status.valueOf(row.text("status")));
        assertClose(check.chiSquare(), row.number("chisq"), "chi-square");
        assertClose(check.pValue(), row.number("p"), "p");
    }

    @Test
    void flagsParticipantsInAVariantWithZeroWeight() {
        SampleRatioCheck check = SampleRatio.check(new long[] {500, 480, 3}, new double[] {1, 1, 0});
        assertThat(check.status()).isEqualTo(SampleRatioCheck.Status.MISMATCH);
        assertThat(check.notes()).singleElement().asString().contains("weight 0");
    }

    @Test
    void ignoresAVariantWithZeroWeightAndNoParticipants() {
        SampleRatioCheck check = SampleRatio.check(new long[] {500, 480, 0}, new double[] {1, 1, 0});
        assertThat(check.status()).isEqualTo(SampleRatioCheck.Status.OK);
        assertThat(check.degreesOfFreedom()).isEqualTo(1);
    }
}
