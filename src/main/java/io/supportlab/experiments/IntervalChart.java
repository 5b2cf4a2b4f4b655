package io.supportlab.experiments;

import io.supportlab.experiments.stats.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Geometry of the lift chart: one horizontal interval per treatment around a zero line, on a
 * scale that holds every interval. Computed here so the template only draws; the numbers on the
 * chart are the same as in the table.
 *
 * @param rows one row per treatment, top to bottom
 * @param ticks labelled positions of the scale
 */
public record IntervalChart(List<Row> rows, List<Tick> ticks, double zeroX, int height) {

    static final double LEFT = 180;
    static final double RIGHT = 960;
    static final int ROW_HEIGHT = 44;
    static final int TOP = 16;

    /** A treatment's relative lift and its interval; x positions in SVG units. */
    public record Row(
            String label,
            String value,
            String range,
            double y,
            @Nullable Double x,
            @Nullable Double x1,
            @Nullable Double x2,
            boolean significant,
            boolean positive) {}

    public record Tick(double x, String label) {}

    static IntervalChart of(List<Comparison> comparisons) {
        double extent = 0.05;
        for (Comparison c : comparisons) {
            var lift = c.frequentist().relativeLift();
            if (lift.interval() != null) {
                extent = Math.max(
                        extent,
                        Math.max(
                                Math.abs(lift.interval().lower()),
                                Math.abs(lift.interval().upper())));
            } else if (lift.value() != null) {
                extent = Math.max(extent, Math.abs(lift.value()));
            }
        }
        extent = niceCeiling(extent * 1.1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            var lift = c.frequentist().relativeLift();
            double y = TOP + ROW_HEIGHT * (i + 0.5);
            Double x = lift.value() == null ? null : scale(lift.value(), extent);
            Double x1 = lift.interval() == null ? null : scale(lift.interval().lower(), extent);
            Double x2 = lift.interval() == null ? null : scale(lift.interval().upper(), extent);
            String range = lift.interval() == null
                    ? "no interval"
                    : percent(lift.interval().lower()) + " to "
                            + percent(lift.interval().upper());
            rows.add(new Row(
                    c.treatmentName(),
                    lift.value() == null ? "n/a" : percent(lift.value()),
                    range,
                    y,
                    x,
                    x1,
                    x2,
                    c.significant(),
                    lift.value() != null && lift.value() > 0));
        }
        List<Tick> ticks = new ArrayList<>();
        for (double t = -extent; t <= extent + 1e-9; t += extent / 2) {
            ticks.add(new Tick(scale(t, extent), percent(t)));
        }
        return new IntervalChart(rows, ticks, scale(0, extent), TOP + ROW_HEIGHT * comparisons.size() + 28);
    }

    private static double scale(double value, double extent) {
        return LEFT + (value + extent) / (2 * extent) * (RIGHT - LEFT);
    }

    /** 0.07 → 0.1, 0.3 → 0.5, 1.2 → 2: a round bound for the axis. */
    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%+.1f%%", value * 100);
    }
}
