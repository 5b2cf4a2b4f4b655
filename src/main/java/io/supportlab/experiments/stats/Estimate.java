package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A point estimate with its interval. Either may be {@code null} when it is not defined for the
 * data; {@code notes} then says why.
 *
 * @param value the point estimate
 * @param interval the interval at the analysis' confidence level
 * @param notes explanations for missing values, empty when everything is defined
 */
public record Estimate(@Nullable Double value, @Nullable Interval interval, List<String> notes) {

    public Estimate {
        notes = List.copyOf(notes);
    }

    static Estimate of(double value, Interval interval) {
        return new Estimate(value, interval, List.of());
    }

    static Estimate undefined(String note) {
        return new Estimate(null, null, List.of(note));
    }

    static Estimate withoutInterval(double value, String note) {
        return new Estimate(value, null, List.of(note));
    }
}
