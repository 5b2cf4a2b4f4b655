package io.supportlab.experiments;

import io.supportlab.experiments.stats.Comparison;
import io.supportlab.experiments.stats.Decision;
import io.supportlab.experiments.stats.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Geometry of the lift chart: one horizontal interval per comparison (each treatment on conversion
 * and, for value metrics, on value per participant) around a zero line, on a scale that holds every
 * interval. The intervals are the decision's, the same as in the table and the sentences; computed
 * here so the template only draws.
 *
 * @param rows one row per comparison, top to bottom
 * @param ticks labelled positions of the scale
 */
public record IntervalChart(List<Row> rows, List<Tick> ticks, double zeroX, int height) {

    static final double LEFT = 230;
    static final double RIGHT = 960;
    static final int ROW_HEIGHT = 44;
    static final int TOP = 16;

    /** A comparison's relative lift and its interval; x positions in SVG units. */
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

    static IntervalChart of(List<Comparison> comparisons, boolean labelMeasures) {
        // Each side of 0 gets its own round bound: a lift cannot fall below -100% but can rise far above.
        double below = 0.05;
        double above = 0.05;
        for (Comparison c : comparisons) {
            var lift = c.decision().relativeLift();
            double low = lift.interval() != null ? lift.interval().lower() : lift.value() == null ? 0 : lift.value();
            double high = lift.interval() != null ? lift.interval().upper() : lift.value() == null ? 0 : lift.value();
            below = Math.max(below, -low);
            above = Math.max(above, high);
        }
        // Relative lifts of non-negative data stop at -100%: the axis need not go further.
        double left = below <= 1 ? Math.min(1, niceCeiling(below * 1.1)) : niceCeiling(below * 1.1);
        double right = niceCeiling(above * 1.1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            var lift = c.decision().relativeLift();
            double y = TOP + ROW_HEIGHT * (i + 0.5);
            Double x = lift.value() == null ? null : scale(lift.value(), left, right);
            Double x1 = lift.interval() == null ? null : scale(lift.interval().lower(), left, right);
            Double x2 = lift.interval() == null ? null : scale(lift.interval().upper(), left, right);
            String range = lift.interval() == null
                    ? "no interval"
                    : percent(lift.interval().lower()) + " to "
                            + percent(lift.interval().upper());
            String measure = c.metric() == Metric.CONVERSION ? "conversion" : "value";
            rows.add(new Row(
                    labelMeasures ? c.treatmentName() + " · " + measure : c.treatmentName(),
                    lift.value() == null ? "n/a" : percent(lift.value()),
                    range,
                    y,
                    x,
                    x1,
                    x2,
                    c.decision().verdict() == Decision.Verdict.SIGNIFICANT,
                    lift.value() != null && lift.value() > 0));
        }
        List<Tick> ticks = new ArrayList<>();
        for (double t : new double[] {-left, -left / 2, 0, right / 2, right}) {
            // A short side gets fewer labels, so they do not run into the label at 0.
            double share = Math.abs(t) / (left + right);
            if (t == 0 || share >= 0.15) {
                ticks.add(new Tick(scale(t, left, right), t == 0 ? "0%" : percent(t)));
            }
        }
        return new IntervalChart(rows, ticks, scale(0, left, right), TOP + ROW_HEIGHT * comparisons.size() + 28);
    }

    private static double scale(double value, double left, double right) {
        return LEFT + (value + left) / (left + right) * (RIGHT - LEFT);
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
