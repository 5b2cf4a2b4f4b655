package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.experiments.ResultsRepository.DailyConverters;
import io.supportlab.experiments.ResultsRepository.DailyCount;
import io.supportlab.experiments.ResultsRepository.VariantTotals;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTotalsTests {

    @Test
    void dailyCountsAddUpToEachVariantsTotals() {
        List<DailyCount> participants = List.of(
                new DailyCount("control", "2026-11-01", 40),
                new DailyCount("test", "2026-11-01", 38),
                new DailyCount("control", "2026-11-02", 10),
                new DailyCount("test", "2026-11-02", 12));
        List<DailyConverters> converters = List.of(
                new DailyConverters("control", "2026-11-01", 4, 4.0, 4.0, false, false),
                new DailyConverters("test", "2026-11-01", 6, 30.0, 250.0, true, false),
                new DailyConverters("test", "2026-11-02", 2, 7.5, 30.25, false, true));

        assertThat(ResultsRepository.totals(participants, converters))
                .containsExactly(
                        new VariantTotals("control", 50, 4, 4.0, 4.0, false, false),
                        new VariantTotals("test", 50, 8, 37.5, 280.25, true, true));
    }

    @Test
    void aVariantWithoutConvertersHasZeroes() {
        assertThat(ResultsRepository.totals(List.of(new DailyCount("control", "2026-11-01", 3)), List.of()))
                .containsExactly(new VariantTotals("control", 3, 0, 0, 0, false, false));
    }

    /** Read without a transaction, a participant erased between the two reads can leave one converter too many. */
    @Test
    void neverCountsMoreConvertersThanParticipants() {
        assertThat(ResultsRepository.totals(
                                List.of(new DailyCount("control", "2026-11-01", 3)),
                                List.of(new DailyConverters("control", "2026-11-01", 4, 4, 4, false, false)))
                        .getFirst()
                        .converters())
                .isEqualTo(3);
    }
}
