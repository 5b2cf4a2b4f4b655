package io.supportlab.experiments.stats;

import static io.supportlab.experiments.stats.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.stats.ReferenceCases.Row;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MultipleComparisonsTests {

    static List<Row> cases() {
        return ReferenceCases.load("p_adjust.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesRPAdjust(Row row) {
        List<@Nullable Double> p = parse(row.text("p"));
        List<@Nullable Double> expected = parse(row.text("adjusted"));
        List<@Nullable Double> adjusted = MultipleComparisons.adjust(p, CorrectionMethod.valueOf(row.text("method")));
        assertThat(adjusted).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertClose(adjusted.get(i), expected.get(i), "adjusted p " + i);
        }
    }

    @Test
    void leavesPValuesAloneWithoutCorrection() {
        assertThat(MultipleComparisons.adjust(List.of(0.04, 0.01), CorrectionMethod.NONE))
                .containsExactly(0.04, 0.01);
    }

    private static List<@Nullable Double> parse(String cells) {
        return Arrays.stream(cells.split(";"))
                .map(c -> c.equals("NA") ? null : Double.valueOf(c))
                .toList();
    }
}
