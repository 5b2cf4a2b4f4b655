package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Outcome of one test statistic; every field is null (with a note) when the test is not defined. */
record HypothesisTest(
        @Nullable Double statistic,
        @Nullable Double degreesOfFreedom,
        @Nullable Double pValue,
        List<String> notes) {

    HypothesisTest {
        notes = List.copyOf(notes);
    }

    static HypothesisTest undefined(String note) {
        return new HypothesisTest(null, null, null, List.of(note));
    }
}
