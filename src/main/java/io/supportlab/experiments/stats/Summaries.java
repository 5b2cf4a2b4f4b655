package io.supportlab.experiments.stats;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Plain-language sentences for readers. Every number in a sentence comes from the comparison's
 * {@link Decision}: the interval quoted inverts the test whose p-value is quoted, at the level the
 * correction implies, and the significance clause follows the decision's verdict. So a sentence
 * cannot call a difference significant while quoting an interval that includes 0, or the reverse.
 */
final class Summaries {

    private Summaries() {}

    record Context(
            double confidenceLevel, CorrectionMethod correction, boolean preliminary, boolean sampleRatioMismatch) {}

    static String of(ComparisonDraft draft, Decision decision, Context context) {
        StringBuilder text = new StringBuilder();
        if (context.preliminary()) {
            text.append("Preliminary (minimum sample size not reached): ");
        }
        text.append(effect(draft, decision, context));
        text.append("; ").append(verdict(draft, decision, context.correction()));
        text.append('.');
        if (context.sampleRatioMismatch()) {
            text.append(" Warning: sample ratio mismatch, check assignment before trusting this result.");
        }
        return text.toString();
    }

    private static String effect(ComparisonDraft draft, Decision decision, Context context) {
        String name = draft.treatment().name();
        Estimate lift = decision.relativeLift();
        Double value = lift.value();
        if (value == null) {
            return absoluteEffect(draft, decision, context);
        }
        String sentence = value == 0 ? same(name, draft.metric()) : changed(name, draft.metric(), value);
        Interval interval = lift.interval();
        return interval == null
                ? sentence
                : sentence + " (" + intervalLabel(draft, context) + signedPercent(interval.lower()) + " to "
                        + signedPercent(interval.upper()) + ")";
    }

    /** When the control mean is 0 there is no relative change, but the difference still has its interval. */
    private static String absoluteEffect(ComparisonDraft draft, Decision decision, Context context) {
        String name = draft.treatment().name();
        String reason = decision.relativeLift().notes().isEmpty()
                ? "not defined"
                : decision.relativeLift().notes().getFirst();
        Estimate difference = decision.absoluteDifference();
        if (difference.value() == null || difference.interval() == null) {
            return name + ": the relative change against control cannot be computed (" + reason + ")";
        }
        boolean rate = draft.metric() == Metric.CONVERSION;
        Interval interval = difference.interval();
        return name
                + (rate
                        ? "'s conversion rate differs from control's by "
                        : "'s average value differs from" + " control's by ")
                + difference(difference.value(), rate) + (rate ? " percentage points" : "") + " ("
                + intervalLabel(draft, context) + difference(interval.lower(), rate) + " to "
                + difference(interval.upper(), rate) + "); the relative change cannot be computed (" + reason + ")";
    }

    private static String intervalLabel(ComparisonDraft draft, Context context) {
        String corrected = context.correction() == CorrectionMethod.NONE ? "" : adjustedLabel(context.correction());
        String kind = draft.sequential() != null ? "% always-valid CI " : "% CI ";
        return corrected + trim(context.confidenceLevel() * 100) + kind;
    }

    private static String same(String name, Metric metric) {
        return switch (metric) {
            case CONVERSION -> name + " converts at the same rate as control";
            case VALUE -> name + "'s average value equals control's";
        };
    }

    private static String changed(String name, Metric metric, double value) {
        String size = percent(Math.abs(value));
        return switch (metric) {
            case CONVERSION -> name + " converts " + size + (value > 0 ? " better" : " worse") + " than control";
            case VALUE -> name + "'s average value is " + size + (value > 0 ? " higher" : " lower") + " than control's";
        };
    }

    private static String verdict(ComparisonDraft draft, Decision decision, CorrectionMethod correction) {
        Double adjusted = decision.pValueAdjusted();
        if (adjusted == null) {
            return "statistical significance cannot be assessed yet";
        }
        String label = (correction == CorrectionMethod.NONE ? "" : adjustedLabel(correction))
                + (draft.sequential() != null ? "always-valid p" : "p");
        String p = adjusted < 0.001 ? label + " < 0.001" : label + " = " + String.format(Locale.ROOT, "%.3f", adjusted);
        return switch (decision.verdict()) {
            case SIGNIFICANT -> "the difference is statistically significant (" + p + ")";
            case NOT_YET -> "the difference is not statistically significant yet (" + p + "); keep collecting data";
            default -> "the difference is not statistically significant (" + p + "), so the result is inconclusive";
        };
    }

    private static String adjustedLabel(CorrectionMethod correction) {
        return correction == CorrectionMethod.HOLM ? "Holm-adjusted " : "Benjamini-Hochberg-adjusted ";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** Percentage points for rates, the metric's own unit for values. */
    private static String difference(@Nullable Double value, boolean rate) {
        if (value == null) {
            return "n/a";
        }
        return rate ? String.format(Locale.ROOT, "%+.1f", value * 100) : String.format(Locale.ROOT, "%+.3f", value);
    }

    private static String trim(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.format(Locale.ROOT, "%s", number);
    }
}
